package io.switchboard.campaigns.queue;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/call-queue")
@Tag(name = "Call queue")
public class CallQueueResource {

    @Inject
    QueueService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List queue rows, newest first", description = "Campaign rows and direct calls; paging as in"
            + " docs/api-conventions.md")
    @APIResponse(responseCode = "200", description = "A page of rows", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + QueueItemView.EXAMPLE + "],\"nextCursor\":null}")))
    @APIResponse(responseCode = "400", description = "Unknown status, bad cursor or limit")
    public Page<QueueItemView> list(
            @Parameter(description = "only this campaign's rows") @QueryParam("campaignId") UUID campaignId,
            @Parameter(description = "pending, processing, completed, busy, no_answer, failed or cancelled") @QueryParam("status") String status,
            @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), campaignId, status, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a queue row with its queue position", description = "position: 1 + the tenant's due pending"
            + " rows dispatched before it (direct calls first, then priority, then scheduled time); null when not pending and due")
    @APIResponse(responseCode = "200", description = "The row", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueueItemView.class), examples = @ExampleObject(name = "row", value = QueueItemView.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such row for this tenant")
    public QueueItemView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id, false);
    }
}
