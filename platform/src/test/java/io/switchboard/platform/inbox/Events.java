package io.switchboard.platform.inbox;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.tenant.TenantScope;

/** Test events and what the test application's handler did with them. */
@ApplicationScoped
public class Events {

    @Inject
    EntityManager em;

    public static byte[] callCreated(UUID tenant, String call) {
        return EventCodec.serialize(EventCodec.newEvent(EventCatalog.CALL_CREATED, "/switchboard/platform-test", tenant,
                new CallCreatedV1(call, "outbound", "queued", null, "+14155550123", null, null, null, Instant.now())));
    }

    /** How many times the handler's effect for this call committed (row-level security: as the tenant). */
    public long applied(UUID tenant, String call) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM applied_event WHERE call_id = ?1").setParameter(1, call)
                .getSingleResult()).longValue()));
    }
}
