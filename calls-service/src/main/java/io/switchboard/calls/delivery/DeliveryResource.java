package io.switchboard.calls.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/webhook-deliveries")
@Tag(name = "Webhook deliveries", description = "What became of each provider webhook: to debug a provider setup")
public class DeliveryResource {

    private final DeliveryLog log;
    private final TenantContext tenant;

    public DeliveryResource(DeliveryLog log, TenantContext tenant) {
        this.log = log;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List webhook deliveries",
            description = "Newest first, cursor paged. Bodies are never kept; entries older than the retention period are purged.")
    public Page<DeliveryView> list(
            @Parameter(description = "only this connection's deliveries") @QueryParam("connectionId") UUID connectionId,
            @Parameter(description = "only deliveries with this result", example = "rejected_signature")
            @QueryParam("result") @Pattern(regexp = DeliveryResult.PATTERN, message = "must be one of " + DeliveryResult.PATTERN) String result,
            @Parameter(description = "received at or after (ISO-8601 with offset)", example = "2026-11-22T00:00:00Z")
            @QueryParam("from") OffsetDateTime from,
            @Parameter(description = "received before (ISO-8601 with offset)", example = "2026-11-23T00:00:00Z")
            @QueryParam("to") OffsetDateTime to,
            @Valid @BeanParam PageRequest page) {
        return log.list(tenant.require(), new DeliveryFilter(connectionId, result == null ? null : DeliveryResult.fromWire(result),
                from, to), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one webhook delivery")
    public DeliveryView get(@PathParam("id") UUID id) {
        return log.get(tenant.require(), id);
    }
}
