package io.switchboard.calls.number;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

@Path("/api/v1/phone-numbers")
@Tag(name = "Phone numbers", description = "The tenant's numbers: where inbound calls arrive and which agent takes them")
public class PhoneNumberResource {

    static final String EXAMPLE = """
            {"id": "6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "phoneNumber": "+14155550199", "friendlyName": "Front desk",
             "country": "US", "capabilities": ["voice", "sms"], "connectionId": "3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80",
             "providerSid": "PNXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "agentId": "2d3e4f5a-6b7c-4d8e-9f0a-1b2c3d4e5f6a",
             "active": true, "timeZone": "America/Los_Angeles", "createdAt": "2026-11-22T09:15:00Z",
             "updatedAt": "2026-11-22T09:15:00Z"}""";

    private final PhoneNumberService service;
    private final TenantContext tenant;

    public PhoneNumberResource(PhoneNumberService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Register a phone number",
            description = "E.164, unique per tenant (409). Country and time zone are derived from the number when absent; a "
                    + "number spanning several zones needs timeZone. connectionId and agentId must exist in the tenant.")
    @APIResponse(responseCode = "201", description = "created",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "number", value = EXAMPLE)))
    @APIResponse(responseCode = "409", description = "the number is already registered")
    public Response create(@Valid @NotNull PhoneNumberRequest request) {
        PhoneNumberView view = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/phone-numbers/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List phone numbers", description = "Newest first, cursor paged (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<PhoneNumberView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a phone number")
    @APIResponse(responseCode = "200", description = "the number",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "number", value = EXAMPLE)))
    public PhoneNumberView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a phone number's settings",
            description = "The whole number as in POST; absent optional fields take their defaults (active true, capabilities [voice]).")
    @APIResponse(responseCode = "200", description = "the number after the change",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "number", value = EXAMPLE)))
    public PhoneNumberView replace(@PathParam("id") UUID id, PhoneNumberRequest request) {
        return service.replace(tenant.require(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a phone number", description = "Its routing schedule goes with it; its calls stay.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
        return Response.noContent().build();
    }
}
