package io.switchboard.campaigns.dispatch;

import java.time.Duration;

import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.switchboard.platform.tenant.TenantContext;

/** Live operations of the caller's tenant: by request and as Server-Sent Events. */
@Path("/api/v1/operations/live")
@Tag(name = "Dialer")
public class LiveOperationsResource {

    private static final String EXAMPLE = """
            {"activeCalls":7,"tenantLimit":10,"directCalls":1,
             "campaigns":[{"campaignId":"0b5e9d3c-8a41-4f6e-b2d7-91c3e5a7f802","activeCalls":6,"maxConcurrentCalls":8}],
             "queueDepth":{"completed":120,"pending":3400,"processing":7},"dueNow":2900,"dialsLastMinute":84,
             "dialsPerSecond":1.4,"skipReasonsLast15Minutes":{"outside_window":210,"dnc_internal":3},
             "at":"2026-11-23T15:00:00Z"}""";

    private final LiveOperations live;
    private final TenantContext tenant;

    public LiveOperationsResource(LiveOperations live, TenantContext tenant) {
        this.live = live;
        this.tenant = tenant;
    }

    @GET
    @Transactional
    @Operation(summary = "The dialer now", description = "Active calls and slots used (tenant and per campaign), queue "
            + "depth by status, rows due now, dials in the last minute and per second, skip reasons of the last 15 minutes.")
    @APIResponse(responseCode = "200", description = "A snapshot",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "live", value = EXAMPLE)))
    public LiveOperations.Live get() {
        return live.now(tenant.require());
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "The dialer now, as Server-Sent Events", description = "A snapshot at once and every "
            + "intervalSeconds (1–60, default 2) for durationSeconds (1–3600, default 10); then the stream ends and an "
            + "EventSource reconnects by itself.")
    @APIResponse(responseCode = "200", description = "text/event-stream of snapshots", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "event",
                    value = "data:{\"activeCalls\":7,\"tenantLimit\":10,\"dueNow\":2900}\n\n")))
    public Multi<LiveOperations.Live> stream(
            @QueryParam("intervalSeconds") @DefaultValue("2") @Min(1) @Max(60) int intervalSeconds,
            @QueryParam("durationSeconds") @DefaultValue("10") @Min(1) @Max(3600) int durationSeconds) {
        return live.stream(tenant.require(), Duration.ofSeconds(intervalSeconds), Duration.ofSeconds(durationSeconds));
    }
}
