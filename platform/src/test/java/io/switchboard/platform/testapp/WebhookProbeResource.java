package io.switchboard.platform.testapp;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** A webhook in miniature: no gateway token, reads the database before it knows any tenant. */
@Path("/webhooks/probe")
public class WebhookProbeResource {

    @Inject
    EntityManager em;

    /** How many notes the connection's (empty) tenant sees: 0, proving no tenant was taken from any header. */
    @POST
    @Transactional
    public String probe() {
        return String.valueOf(em.createNativeQuery("SELECT count(*) FROM note").getSingleResult());
    }
}
