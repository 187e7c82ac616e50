package io.switchboard.contacts.followup;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

/** The body is validated after the follow-up is found (RequestBodies): a foreign id is 404 whatever the body says. */
@Path("/api/v1/follow-ups")
@Tag(name = "Follow-ups")
public class FollowUpResource {

    @Inject
    FollowUpService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List follow-ups across contacts, latest due date first: what is due with due=before:<instant>&completed=false")
    public Page<FollowUpView> list(
            @Parameter(description = "before:<ISO-8601 instant>: only follow-ups due strictly before it", example = "before:2026-11-30T00:00:00Z")
            @QueryParam("due") @Size(max = 100) String due,
            // a String: JAX-RS would read any word but "true" as false
            @Parameter(description = "true: only completed follow-ups; false: only open ones") @QueryParam("completed")
            @Pattern(regexp = "true|false", message = "must be true or false") String completed,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), due, completed == null ? null : Boolean.valueOf(completed), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a follow-up")
    public FollowUpView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a follow-up (absent fields stay); completed=true records completedAt")
    public FollowUpView update(@PathParam("id") UUID id, FollowUpRequests.Update request) {
        return service.update(tenant.require(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a follow-up")
    @APIResponse(responseCode = "204", description = "deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
    }
}
