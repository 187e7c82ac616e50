package io.switchboard.contacts.customer;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.contacts.customer.CustomerRequests.CustomerFields;
import io.switchboard.contacts.customer.CustomerRequests.Profile;
import io.switchboard.contacts.customer.CustomerViews.CustomerView;
import io.switchboard.contacts.customer.CustomerViews.ProfileView;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/** Bodies are validated after the customer is found (RequestBodies): an unknown or foreign id is 404 whatever the body says. */
@Path("/api/v1/customers")
@Tag(name = "Customers")
public class CustomerResource {

    @Inject
    CustomerService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List customers, newest first (cursor paging)")
    public Page<CustomerView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a customer")
    public CustomerView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a customer's record (absent fields stay); publishes customer.updated")
    public CustomerView update(@PathParam("id") UUID id, CustomerFields request) {
        return service.update(tenant.require(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a customer record (the contact stays, no longer a customer); publishes customer.deleted")
    @APIResponse(responseCode = "204", description = "deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
    }

    @GET
    @Path("/{id}/profile")
    @Operation(summary = "Get a customer's risk profile")
    public ProfileView profile(@PathParam("id") UUID id) {
        return service.profile(tenant.require(), id);
    }

    @PUT
    @Path("/{id}/profile")
    @Operation(summary = "Replace a customer's risk profile; changing doNotContact publishes customer.do_not_contact_changed")
    public ProfileView replaceProfile(@PathParam("id") UUID id, Profile request) {
        return service.replaceProfile(tenant.require(), id, request);
    }
}
