package io.switchboard.contacts.meeting;

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
@Path("/api/v1/contacts/{contactId}/meetings")
@Tag(name = "Meetings")
public class ContactMeetingResource {

    @Inject
    MeetingService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List a contact's meetings, latest start first (cursor paging)")
    public Page<MeetingView> list(@PathParam("contactId") UUID contactId, @Valid @BeanParam PageRequest page) {
        return service.listForContact(tenant.require(), contactId, page);
    }

    @POST
    @Operation(summary = "Schedule a meeting with a contact, optionally booked on a call")
    @APIResponse(responseCode = "201", description = "the meeting, status scheduled")
    public Response create(@PathParam("contactId") UUID contactId, MeetingRequests.Create request) {
        MeetingView meeting = service.create(tenant.require(), contactId, request);
        return Response.created(URI.create("/api/v1/meetings/" + meeting.id())).entity(meeting).build();
    }
}
