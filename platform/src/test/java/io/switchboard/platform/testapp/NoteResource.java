package io.switchboard.platform.testapp;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.platform.outbox.Outbox;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantContext;

/** A service's resource in miniature: tenant from the token, state and its event in one transaction. */
@Path("/api/v1/notes")
public class NoteResource {

    public record CreateNote(@NotBlank @Size(max = 200) String body) {
    }

    public record NoteView(UUID id, String body) {
    }

    @Inject
    EntityManager em;

    @Inject
    TenantContext tenant;

    @Inject
    Outbox outbox;

    @POST
    @Transactional
    public Response create(@Valid @NotNull CreateNote request) {
        Note note = new Note();
        note.id = UUID.randomUUID();
        note.tenantId = tenant.require();
        note.body = request.body();
        note.createdAt = Instant.now();
        em.persist(note);
        // the catalogue is closed, so the test application borrows call.created for its event
        outbox.publish(EventCatalog.CALL_CREATED, note.tenantId, new CallCreatedV1(note.id.toString(), "outbound", "queued",
                null, "+14155550123", null, null, null, note.createdAt));
        return Response.created(URI.create("/api/v1/notes/" + note.id)).entity(new NoteView(note.id, note.body)).build();
    }

    @GET
    @Path("/{id}")
    @Transactional(Transactional.TxType.SUPPORTS)
    public NoteView get(@PathParam("id") UUID id) {
        UUID tenantId = tenant.require();
        Note note = em.find(Note.class, id);
        if (note == null || !note.tenantId.equals(tenantId)) {
            throw new ProblemException(404, "not-found", "Not Found", "no note " + id, java.util.List.of());
        }
        return new NoteView(note.id, note.body);
    }
}
