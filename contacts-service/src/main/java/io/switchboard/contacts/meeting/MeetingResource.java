package io.switchboard.contacts.meeting;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;
import io.switchboard.platform.time.StorableTime;

/** The body is validated after the meeting is found (RequestBodies): a foreign id is 404 whatever the body says. */
@Path("/api/v1/meetings")
@Tag(name = "Meetings")
public class MeetingResource {

    @Inject
    MeetingService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List meetings across contacts, latest start first: starting in [from, to), in a status")
    public Page<MeetingView> list(
            @Parameter(description = "ISO-8601 instant: meetings starting at or after it", example = "2026-11-23T00:00:00Z")
            @QueryParam("from") @StorableTime OffsetDateTime from,
            @Parameter(description = "ISO-8601 instant: meetings starting before it", example = "2026-11-30T00:00:00Z")
            @QueryParam("to") @StorableTime OffsetDateTime to,
            @Parameter(description = "scheduled, completed, cancelled or rescheduled")
            @QueryParam("status") @Pattern(regexp = MeetingStatus.VALUES,
                    message = "must be one of scheduled, completed, cancelled, rescheduled") String status,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), from, to, status, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a meeting")
    public MeetingView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a meeting (absent fields stay); a new startsAt reschedules it; status moves scheduled → "
            + "completed|cancelled|rescheduled, rescheduled → completed|cancelled|rescheduled (409 otherwise)")
    public MeetingView update(@PathParam("id") UUID id, MeetingRequests.Update request) {
        return service.update(tenant.require(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a meeting")
    @APIResponse(responseCode = "204", description = "deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
    }
}
