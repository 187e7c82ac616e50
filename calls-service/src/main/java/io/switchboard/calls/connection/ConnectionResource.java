package io.switchboard.calls.connection;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/provider-connections")
@Tag(name = "Provider connections", description = "The tenant's accounts at Twilio, VAPI, Retell, ElevenLabs and Bolna")
public class ConnectionResource {

    /** The parts every example shares; the examples differ in enabled, hasApiKey and the times. */
    private static final String EXAMPLE_ID = """
            {"id": "3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80", "provider": "twilio", "name": "Twilio main", """;
    private static final String EXAMPLE_URLS = """
            "accountSid": "ACXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "allowedIps": [], "apiBaseUrl": null,
             "webhookUrls": {"voice": "https://api.example.com/webhooks/twilio/3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80/voice",
                             "status": "https://api.example.com/webhooks/twilio/3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80/status"},
             """;
    static final String EXAMPLE = EXAMPLE_ID + "\"enabled\": true, \"hasApiKey\": false, " + EXAMPLE_URLS
            + "\"secretRotatedAt\": null, \"createdAt\": \"2026-11-22T09:15:00Z\", \"updatedAt\": \"2026-11-22T09:15:00Z\"}";
    static final String ROTATED_EXAMPLE = EXAMPLE_ID + "\"enabled\": true, \"hasApiKey\": true, " + EXAMPLE_URLS
            + "\"secretRotatedAt\": \"2026-11-23T08:00:00Z\", \"createdAt\": \"2026-11-22T09:15:00Z\", \"updatedAt\": \"2026-11-23T08:00:00Z\"}";
    static final String DISABLED_EXAMPLE = EXAMPLE_ID + "\"enabled\": false, \"hasApiKey\": false, " + EXAMPLE_URLS
            + "\"secretRotatedAt\": null, \"createdAt\": \"2026-11-22T09:15:00Z\", \"updatedAt\": \"2026-11-23T08:00:00Z\"}";

    private final ConnectionService service;
    private final TenantContext tenant;

    public ConnectionResource(ConnectionService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Create a provider connection",
            description = "Secrets are encrypted at rest and never returned; the answer lists the webhook URLs to configure at the provider.")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "twilio", value = EXAMPLE)))
    public Response create(@Valid @NotNull CreateConnectionRequest request) {
        ConnectionView view = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/provider-connections/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List provider connections", description = "Newest first, cursor paged (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<ConnectionView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a provider connection")
    @APIResponse(responseCode = "200", description = "the connection",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "twilio", value = EXAMPLE)))
    public ConnectionView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a provider connection", description = "Its webhooks are answered 404 from now on.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/rotate-secret")
    @Operation(summary = "Replace the webhook secret (and optionally the API key)",
            description = "Takes effect at once: deliveries signed with the old secret are refused with 401.")
    @APIResponse(responseCode = "200", description = "the connection, secretRotatedAt set", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "rotated", value = ROTATED_EXAMPLE)))
    public ConnectionView rotateSecret(@PathParam("id") UUID id, RotateSecretRequest request) {
        return service.rotateSecret(tenant.require(), id, request);
    }

    @POST
    @Path("/{id}/disable")
    @Operation(summary = "Disable a connection", description = "Its webhooks are answered 404 until it is enabled again.")
    @APIResponse(responseCode = "200", description = "the connection, disabled", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "disabled", value = DISABLED_EXAMPLE)))
    public ConnectionView disable(@PathParam("id") UUID id) {
        return service.setEnabled(tenant.require(), id, false);
    }

    @POST
    @Path("/{id}/enable")
    @Operation(summary = "Enable a disabled connection")
    @APIResponse(responseCode = "200", description = "the connection, enabled", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "enabled", value = EXAMPLE)))
    public ConnectionView enable(@PathParam("id") UUID id) {
        return service.setEnabled(tenant.require(), id, true);
    }
}
