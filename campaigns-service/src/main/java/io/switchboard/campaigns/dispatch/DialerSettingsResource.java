package io.switchboard.campaigns.dispatch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

/** The caller's tenant's dialer settings; there is no way to name another tenant's. */
@Path("/api/v1/dialer-settings")
@Tag(name = "Dialer")
public class DialerSettingsResource {

    private static final String EXAMPLE = """
            {"maxConcurrentCalls":25,"isDefault":false,"updatedAt":"2026-11-22T05:30:00Z"}""";

    private final DialerSettings settings;
    private final TenantContext tenant;

    public DialerSettingsResource(DialerSettings settings, TenantContext tenant) {
        this.settings = settings;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Read the tenant's dialer settings",
            description = "maxConcurrentCalls: live calls at once across all campaigns and direct calls; the service default until saved.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public DialerSettings.View get() {
        return settings.get(tenant.require());
    }

    @PUT
    @Operation(summary = "Replace the tenant's dialer settings", description = "maxConcurrentCalls 1–10000; a campaign's "
            + "own maxConcurrentCalls caps it further. Calls already live are never cut.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "settings", value = "{\"maxConcurrentCalls\":25}")))
    @APIResponse(responseCode = "200", description = "The saved settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public DialerSettings.View put(@Valid @NotNull DialerSettings.Request request) {
        return settings.put(tenant.require(), request);
    }
}
