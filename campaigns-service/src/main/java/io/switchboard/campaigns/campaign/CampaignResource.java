package io.switchboard.campaigns.campaign;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    static final String CREATE_EXAMPLE = """
            {"name":"November renewals","agentId":"0b6f7c1e-3d2a-4e5f-8a9b-1c2d3e4f5a6b","nextAction":"Book a renewal call",
             "callingWindowStart":"09:00","callingWindowEnd":"20:00","allowedWeekdays":[1,2,3,4,5],
             "startDate":"2026-11-24","endDate":"2026-12-18","timeZonePolicy":"recipient","defaultRegion":"US",
             "maxConcurrentCalls":20,"maxRetries":2,"retryMinutes":{"busy":30,"noAnswer":120,"voicemail":240,"failed":60},
             "priority":5,"dncListIds":[],"requireVoiceConsent":false,
             "preDialHook":{"url":"https://crm.example.com/hooks/pre-dial","secret":"9f2c1e7a5b3d4f60a1b2","timeoutMs":3000,"failOpen":false}}""";

    static final String CAMPAIGN_EXAMPLE = """
            {"id":"5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d","name":"November renewals","status":"active",
             "agentId":"0b6f7c1e-3d2a-4e5f-8a9b-1c2d3e4f5a6b","nextAction":"Book a renewal call","callingWindowStart":"09:00",
             "callingWindowEnd":"20:00","allowedWeekdays":[1,2,3,4,5],"startDate":"2026-11-24","endDate":"2026-12-18",
             "timeZonePolicy":"recipient","timeZone":null,"defaultRegion":"US","maxConcurrentCalls":20,"maxRetries":2,
             "retryMinutes":{"busy":30,"noAnswer":120,"voicemail":240,"failed":60},"priority":5,"dncListIds":[],
             "requireVoiceConsent":false,"preDialHook":{"url":"https://crm.example.com/hooks/pre-dial","secretSet":true,
             "timeoutMs":3000,"failOpen":false},"counters":{"dialed":12,"completed":5,"busy":1,"noAnswer":4,"voicemail":1,
             "failed":1,"dnc":0,"expired":0,"callbacks":1,"skipped":3},"startedAt":"2026-11-24T09:00:02Z","completedAt":null,
             "createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-24T09:00:02Z"}""";

    @Inject
    CampaignService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Create a campaign (as a draft)", description = "Every setting but name is optional; defaults in"
            + " docs/campaigns.md. maxAttempts was replaced by maxRetries (retries after the first attempt, 0–5).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CreateCampaignRequest.class),
            examples = @ExampleObject(name = "campaign", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Invalid fields, each named in errors[].field")
    @APIResponse(responseCode = "409", description = "Another campaign of the tenant has this name")
    public Response create(@Valid @NotNull CreateCampaignRequest request) {
        CampaignView campaign = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/campaigns/" + campaign.id())).entity(campaign).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a campaign")
    @APIResponse(responseCode = "200", description = "The campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    public CampaignView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    /** Newest first; paging as in docs/api-conventions.md. */
    @GET
    @Operation(summary = "List campaigns, newest first")
    public Page<CampaignView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a campaign's settings (JSON merge patch)", description = "RFC 7386: a field left out is"
            + " unchanged, null resets it to its default. Draft and scheduled campaigns change freely; active and paused ones"
            + " only their windows, caps, retries and priority (409 naming the other fields); ended ones not at all.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CreateCampaignRequest.class),
            examples = @ExampleObject(name = "patch", value = """
                    {"callingWindowEnd":"19:00","maxConcurrentCalls":10,"retryMinutes":{"noAnswer":90},"priority":8}""")))
    @APIResponse(responseCode = "200", description = "The changed campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "The field cannot change in the campaign's status")
    public CampaignView update(@PathParam("id") UUID id, JsonNode patch) throws JsonProcessingException {
        return service.update(tenant.require(), id, patch);
    }

    @POST
    @Path("/{id}/launch")
    @Operation(summary = "Launch a draft", description = "draft → active, or → scheduled when startDate is still ahead (it"
            + " becomes active on that day). Needs an agentId.")
    @APIResponse(responseCode = "200", description = "The launched campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "Not a draft (the problem names the transition), no agent, or past its end date")
    public CampaignView launch(@PathParam("id") UUID id) {
        return service.launch(tenant.require(), id);
    }

    @POST
    @Path("/{id}/pause")
    @Operation(summary = "Pause an active campaign", description = "active → paused: nothing more is dialed; live calls finish")
    @APIResponse(responseCode = "200", description = "The paused campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "Not active (the problem names the transition)")
    public CampaignView pause(@PathParam("id") UUID id) {
        return service.pause(tenant.require(), id);
    }

    @POST
    @Path("/{id}/resume")
    @Operation(summary = "Resume a paused campaign", description = "paused → active")
    @APIResponse(responseCode = "200", description = "The resumed campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "Not paused (the problem names the transition)")
    public CampaignView resume(@PathParam("id") UUID id) {
        return service.resume(tenant.require(), id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a campaign", description = "Any status but completed or cancelled → cancelled; its pending"
            + " queue rows are cancelled, calls already placed finish")
    @APIResponse(responseCode = "200", description = "The cancelled campaign", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = CampaignView.class), examples = @ExampleObject(name = "campaign", value = CAMPAIGN_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "Already ended (the problem names the transition)")
    public CampaignView cancel(@PathParam("id") UUID id) {
        return service.cancel(tenant.require(), id);
    }
}
