package io.switchboard.gateway.admin;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.gateway.identity.ClientInfo;
import io.switchboard.gateway.identity.OrganizationStatus;
import io.switchboard.gateway.identity.Views;
import io.switchboard.gateway.security.CurrentUser;
import io.switchboard.gateway.security.Roles;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.vertx.core.http.HttpServerRequest;

/** Cross-tenant administration, super_admin only; every call lands in the admin audit log. */
@Path("/api/v1/admin/tenants")
@Tag(name = "admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.SUPER_ADMIN)
public class TenantAdminResource {

    @Inject
    TenantAdminService service;

    @Inject
    CurrentUser current;

    @Context
    HttpServerRequest request;

    public record StatusChange(@Size(max = 500) String reason) {
    }

    /** {@code null} returns the tenant to the configured default. */
    public record RateLimitChange(@Min(1) @Max(1_000_000) Integer rateLimitPerMinute) {
    }

    @GET
    public Page<Views.OrganizationView> list(@Valid @BeanParam PageRequest page) {
        return service.list(actor(), page);
    }

    @GET
    @Path("/{id}")
    public Views.OrganizationView get(@PathParam("id") UUID id) {
        return service.get(actor(), id);
    }

    @GET
    @Path("/{id}/users")
    public Page<Views.UserView> users(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.users(actor(), id, page);
    }

    @POST
    @Path("/{id}/suspend")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.OrganizationView suspend(@PathParam("id") UUID id, @Valid StatusChange body) {
        return service.setStatus(actor(), id, OrganizationStatus.SUSPENDED, body == null ? null : body.reason());
    }

    @POST
    @Path("/{id}/activate")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.OrganizationView activate(@PathParam("id") UUID id, @Valid StatusChange body) {
        return service.setStatus(actor(), id, OrganizationStatus.ACTIVE, body == null ? null : body.reason());
    }

    @PUT
    @Path("/{id}/rate-limit")
    @Consumes(MediaType.APPLICATION_JSON)
    public Views.OrganizationView rateLimit(@PathParam("id") UUID id, @NotNull @Valid RateLimitChange body) {
        return service.setRateLimit(actor(), id, body.rateLimitPerMinute());
    }

    private TenantAdminService.Actor actor() {
        ClientInfo client = ClientInfo.of(request);
        return new TenantAdminService.Actor(current.require(), client.ip(), client.userAgent());
    }
}
