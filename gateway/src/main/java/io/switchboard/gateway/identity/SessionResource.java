package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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
import io.switchboard.platform.paging.Cursor;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
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
    public Page<Views.SessionView> list(@Valid @BeanParam PageRequest page) {
        User me = current.require();
        UUID currentSession = current.sessionId();
        return Page.of(sessions.liveSessionsOf(me.id, Instant.now(), page), page, s -> new Cursor(s.createdAt, s.id),
                s -> Views.SessionView.of(s, currentSession));
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
