package io.switchboard.campaigns.queue;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/direct-calls")
@Tag(name = "Call queue")
public class DirectCallResource {

    @Inject
    QueueService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Place a direct call", description = "Queues one call (call_type direct, scheduled now) ahead of"
            + " every campaign call; the dispatcher's dial-time checks still apply. Its id is its queue row's id.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DirectCallRequest.class),
            examples = @ExampleObject(name = "call", value = """
                    {"agentId":"0b6f7c1e-3d2a-4e5f-8a9b-1c2d3e4f5a6b","phone":"+14155550123","variables":{"first_name":"Ada"}}""")))
    @APIResponse(responseCode = "201", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueueItemView.class), examples = @ExampleObject(name = "row", value = QueueItemView.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors[].field")
    public Response place(@Valid @NotNull DirectCallRequest request) {
        QueueItemView item = service.placeDirect(tenant.require(), request);
        return Response.created(URI.create("/api/v1/direct-calls/" + item.id())).entity(item).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a direct call's status and queue position")
    @APIResponse(responseCode = "200", description = "The call's queue row", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = QueueItemView.class), examples = @ExampleObject(name = "row", value = QueueItemView.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such direct call for this tenant")
    public QueueItemView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id, true);
    }
}
