package io.switchboard.gateway.security;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.switchboard.platform.problem.Problems;

/**
 * {@link AuthProblem}s as problem+json with their protocol headers (WWW-Authenticate, Retry-After). Missing or
 * bad tokens and forbidden roles on the gateway's own endpoints are rendered by the platform's mappers (auth is
 * lazy, so those exceptions reach them).
 */
public class AuthProblemMappers {

    @ServerExceptionMapper
    public Response authProblem(AuthProblem e, UriInfo uri) {
        Response.ResponseBuilder out = Response.fromResponse(
                Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), uri.getPath(), e.errors()));
        e.headers().forEach(out::header);
        return out.build();
    }
}
