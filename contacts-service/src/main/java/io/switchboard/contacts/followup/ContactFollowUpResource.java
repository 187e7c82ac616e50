package io.switchboard.contacts.followup;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/** The body is validated after the contact is found (RequestBodies): a foreign contact is 404 whatever the body says. */
@Path("/api/v1/contacts/{contactId}/follow-ups")
@Tag(name = "Follow-ups")
public class ContactFollowUpResource {

    @Inject
    FollowUpService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List a contact's follow-ups, latest due date first (cursor paging)")
    public Page<FollowUpView> list(@PathParam("contactId") UUID contactId, @Valid @BeanParam PageRequest page) {
        return service.listForContact(tenant.require(), contactId, page);
    }

    @POST
    @Operation(summary = "Schedule a follow-up with a contact, optionally about a call")
    @APIResponse(responseCode = "201", description = "the follow-up")
    public Response create(@PathParam("contactId") UUID contactId, FollowUpRequests.Create request) {
        FollowUpView followUp = service.create(tenant.require(), contactId, request);
        return Response.created(URI.create("/api/v1/follow-ups/" + followUp.id())).entity(followUp).build();
    }
}
