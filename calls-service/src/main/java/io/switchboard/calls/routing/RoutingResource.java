package io.switchboard.calls.routing;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/phone-numbers/{id}/routing")
@Tag(name = "Phone numbers")
public class RoutingResource {

    static final String EXAMPLE = """
            {"phoneNumberId": "6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b", "timeZone": "America/New_York",
             "teamNumber": "+14155550100", "ringTimeoutSeconds": 20,
             "weeklyHours": [{"day": "MONDAY", "start": "09:00", "end": "12:00"}, {"day": "MONDAY", "start": "13:00", "end": "17:00"}],
             "holidays": [{"date": "2026-12-25", "closed": true, "hours": null}],
             "updatedAt": "2026-11-22T09:15:00Z"}""";

    private final RoutingService service;
    private final TenantContext tenant;

    public RoutingResource(RoutingService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Get a number's routing schedule",
            description = "Business hours in the number's time zone; a number without a schedule sends every call to its agent.")
    @APIResponse(responseCode = "200", description = "the schedule",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "schedule", value = EXAMPLE)))
    public RoutingView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PUT
    @Operation(summary = "Replace a number's routing schedule",
            description = "Weekly rules (several per day allowed, start < end, no overlaps) and holiday exceptions (closed "
                    + "all day, or special hours), read in the number's zone. Inside hours an inbound call is transferred to "
                    + "teamNumber for ringTimeoutSeconds, then falls back to the agent; outside them it goes to the agent.")
    @APIResponse(responseCode = "200", description = "the schedule as stored",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "schedule", value = EXAMPLE)))
    public RoutingView replace(@PathParam("id") UUID id, RoutingSchedule request) {
        return service.replace(tenant.require(), id, request);
    }
}
