package io.switchboard.gateway.credits;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantContext;
import io.switchboard.platform.tenant.TenantScope;
import io.vertx.core.http.HttpServerRequest;

/** super_admins add credits to any tenant; every grant is audited. */
@Path("/api/v1/admin/tenants/{id}/credits")
@RolesAllowed("super_admin")
public class AdminCreditsResource {

    @Inject
    CreditService credits;

    @Inject
    JsonWebToken token;

    @Inject
    TenantContext tenant;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response grant(@PathParam("id") String id, @Valid @NotNull GrantCreditsRequest request,
            @Context HttpServerRequest http) {
        UUID target = uuid("id", id);
        UUID actor = actor();
        UUID actorTenant = tenant.require();
        String ip = http.remoteAddress() == null ? null : http.remoteAddress().hostAddress();
        String userAgent = http.getHeader("User-Agent");
        // the writes belong to the target tenant: its row-level security scope, not the admin's own
        GrantResult result = TenantScope.call(target,
                () -> credits.grant(target, request, actor, actorTenant, ip, userAgent));
        return Response.status(Response.Status.CREATED).entity(result).build();
    }

    private UUID actor() {
        try {
            return UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new ProblemException(403, "forbidden", "Forbidden", "admin actions need a user's access token",
                    List.of());
        }
    }

    private static UUID uuid(String field, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badField(field, "must be a UUID");
        }
    }
}
