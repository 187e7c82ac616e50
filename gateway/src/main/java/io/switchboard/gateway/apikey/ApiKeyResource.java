package io.switchboard.gateway.apikey;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.gateway.identity.User;
import io.switchboard.gateway.security.CurrentUser;
import io.switchboard.gateway.security.Roles;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;

/** API keys of the caller's organization; managing them is for admins. */
@Path("/api/v1/api-keys")
@Tag(name = "api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN, Roles.SUPER_ADMIN })
public class ApiKeyResource {

    @Inject
    ApiKeyService service;

    @Inject
    CurrentUser current;

    @GET
    public Page<ApiKeyViews.ApiKeyView> list(@Valid @BeanParam PageRequest page) {
        return service.list(current.tenantId(), page);
    }

    /** The answer holds the key ({@code sb_<prefix>_<secret>}); it cannot be shown again. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@NotNull @Valid ApiKeyViews.CreateApiKey body) {
        User me = current.require();
        return Response.status(201).entity(service.create(me.tenantId, me.id, body)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response revoke(@PathParam("id") UUID id) {
        User me = current.require();
        service.revoke(me.tenantId, me.id, id);
        return Response.noContent().build();
    }
}
