package io.switchboard.gateway.identity;

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

import io.quarkus.security.Authenticated;
import io.switchboard.gateway.security.CurrentUser;
import io.switchboard.gateway.security.Roles;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;

@Path("/api/v1/users")
@Tag(name = "users")
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    @Inject
    UserService service;

    @Inject
    CurrentUser current;

    @Inject
    OrganizationRepository organizations;

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPER_ADMIN })
    public Page<Views.UserView> list(@Valid @BeanParam PageRequest page) {
        return service.list(current.tenantId(), page);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPER_ADMIN })
    public Response create(@NotNull @Valid UserRequests.CreateUser body) {
        User me = current.require();
        return Response.status(201).entity(service.create(me.tenantId, me.id, body)).build();
    }

    @GET
    @Path("/me")
    @Authenticated
    public Views.MeView me() {
        User me = current.require();
        return new Views.MeView(Views.UserView.of(me), Views.OrganizationView.of(organizations.findById(me.tenantId)));
    }

    /** Deactivates (never deletes): the user's history stays, logins and refreshes stop. */
    @DELETE
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPER_ADMIN })
    public Response deactivate(@PathParam("id") UUID id) {
        User me = current.require();
        service.deactivate(me.tenantId, me.id, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/activate")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPER_ADMIN })
    public Views.UserView activate(@PathParam("id") UUID id) {
        User me = current.require();
        return service.activate(me.tenantId, me.id, id);
    }
}
