package io.switchboard.campaigns.progress;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/campaigns/{id}/progress")
@Tag(name = "Campaigns")
public class ProgressResource {

    @Inject
    ProgressService progress;

    @Inject
    TenantContext tenant;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A campaign's progress", description = "Queue rows per status, dials per minute over the last"
            + " minutes (switchboard.campaigns.progress.rate-window), the ETA of the pending rows at that rate, calls"
            + " placed (dialed), pending rows waiting for a retry or callback (retryPending), dial-time skips (skipped)")
    @APIResponse(responseCode = "200", description = "Progress", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProgressView.class), examples = @ExampleObject(name = "progress", value = ProgressView.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    public ProgressView get(@PathParam("id") UUID id) {
        return progress.now(tenant.require(), id);
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Follow a campaign's progress (Server-Sent Events)", description = "One event now, one at every"
            + " change and at least every heartbeat; the last is the ended campaign (completed or cancelled), then it closes")
    @APIResponse(responseCode = "200", description = "text/event-stream of progress objects", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "event", value = "data:" + "{\"campaignId\":"
                    + "\"5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d\",\"status\":\"active\",\"counts\":{\"pending\":840},\"total\":840}\n\n")))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    public Multi<ProgressView> stream(@PathParam("id") UUID id) {
        UUID tenantId = tenant.require();
        progress.now(tenantId, id); // 404 before the stream starts
        return progress.stream(tenantId, id);
    }
}
