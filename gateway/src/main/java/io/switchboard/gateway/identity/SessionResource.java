package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.Authenticated;
import io.switchboard.gateway.security.CallerCache;
import io.switchboard.gateway.security.CurrentUser;
import io.switchboard.platform.problem.ProblemException;

/** The caller's own sessions (devices): where and when each was last used, and ending one. */
@Path("/api/v1/sessions")
@Tag(name = "sessions")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class SessionResource {

    @Inject
    CurrentUser current;

    @Inject
    SessionRepository sessions;

    @Inject
    CallerCache callers;

    @GET
    public List<Views.SessionView> list() {
        User me = current.require();
        UUID currentSession = current.sessionId();
        return sessions.liveSessionsOf(me.id, Instant.now()).stream()
                .map(s -> Views.SessionView.of(s, currentSession)).toList();
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    public Response revoke(@PathParam("id") UUID id) {
        User me = current.require();
        Session session = sessions.findOwn(me.id, id).orElseThrow(() -> ProblemException.notFound("session", id));
        sessions.revoke(session.id, "revoked", Instant.now());
        callers.invalidateAfterCommit();
        return Response.noContent().build();
    }
}
