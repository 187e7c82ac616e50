package io.switchboard.calls.sms;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/sms-settings")
@Tag(name = "SMS")
public class SmsSettingsResource {

    static final String EXAMPLE = """
            {"smsEnabled":true,"smsSkipSilent":true,"defaultTemplateId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
             "connectionId":"3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80","fromNumber":"+14155550100","updatedAt":"2026-11-22T09:31:00Z"}""";

    private final SmsSettingsService service;
    private final TenantContext tenant;

    public SmsSettingsResource(SmsSettingsService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The tenant's post-call SMS settings", description = "Defaults until saved: enabled, skip silent calls, "
            + "no template and no connection (so nothing is sent).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SmsSettingsView.class), examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public SmsSettingsView get() {
        return SmsSettingsView.of(service.forTenant(tenant.require()));
    }

    @PUT
    @Operation(summary = "Save the tenant's post-call SMS settings", description = "connectionId must be a Twilio connection of the "
            + "tenant and defaultTemplateId one of its templates (400 naming the field).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SmsSettingsRequest.class),
            examples = @ExampleObject(name = "settings", value = """
                    {"smsEnabled":true,"smsSkipSilent":true,"defaultTemplateId":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                     "connectionId":"3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80","fromNumber":"+14155550100"}""")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SmsSettingsView.class), examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public SmsSettingsView put(SmsSettingsRequest request) {
        return service.replace(tenant.require(), request);
    }
}
