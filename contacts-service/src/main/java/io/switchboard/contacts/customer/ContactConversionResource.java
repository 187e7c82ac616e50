package io.switchboard.contacts.customer;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.contacts.customer.CustomerRequests.CustomerFields;
import io.switchboard.contacts.customer.CustomerViews.CustomerView;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/contacts/{contactId}/customer")
@Tag(name = "Customers")
public class ContactConversionResource {

    @Inject
    CustomerService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Convert a contact into a customer (generated customerReference CUS-nnnnnn); publishes customer.created")
    @APIResponse(responseCode = "201", description = "the customer")
    @APIResponse(responseCode = "409", description = "the contact already is a customer")
    public Response convert(@PathParam("contactId") UUID contactId, CustomerFields request) {
        CustomerView customer = service.convert(tenant.require(), contactId, request);
        return Response.created(URI.create("/api/v1/customers/" + customer.id())).entity(customer).build();
    }
}
