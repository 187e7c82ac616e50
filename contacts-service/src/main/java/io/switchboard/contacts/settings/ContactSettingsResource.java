package io.switchboard.contacts.settings;

import jakarta.inject.Inject;
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

/** The caller's tenant's settings of the contacts context; there is no way to name another tenant's. */
@Path("/api/v1/contact-settings")
@Tag(name = "Contacts")
public class ContactSettingsResource {

    private static final String EXAMPLE = """
            {"defaultRegion":"US","defaultTimeZone":"America/New_York","autoCreateContacts":true,"saveMemories":false,
             "updatedAt":"2026-11-21T15:04:05Z"}""";

    @Inject
    ContactSettingsService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "Read the tenant's contact settings", description = "The defaults until the tenant saves any.")
    @APIResponse(responseCode = "200", description = "The settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public ContactSettingsView get() {
        return service.get(tenant.require());
    }

    @PUT
    @Operation(summary = "Replace the tenant's contact settings", description = "defaultRegion lets national numbers in; "
            + "defaultTimeZone is the last resort for dialing windows; autoCreateContacts makes a contact for an unknown "
            + "caller or callee of a call; saveMemories keeps facts learned on calls. Left-out flags are true.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings", value = """
            {"defaultRegion":"US","defaultTimeZone":"America/New_York","autoCreateContacts":true,"saveMemories":false}""")))
    @APIResponse(responseCode = "200", description = "The saved settings",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "settings", value = EXAMPLE)))
    public ContactSettingsView put(@Valid @NotNull ContactSettingsRequest request) {
        return service.put(tenant.require(), request);
    }
}
