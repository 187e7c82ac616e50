package io.switchboard.calls.call;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/calls")
@Tag(name = "Calls")
public class CallResource {

    static final String CALL_EXAMPLE = """
            {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","direction":"outbound","status":"completed",
             "fromNumber":"+14155550100","toNumber":"+14155550123","agentId":null,"campaignId":null,"contactId":null,
             "createdAt":"2026-11-21T15:04:00Z","updatedAt":"2026-11-21T15:05:40Z","provider":"vapi",
             "providerCallId":"c6b4f1a2-9d3e-4b8a-a1f0-5e2d7c9b3a41","connectionId":null,"providerAgentId":"asst_8d3f",
             "disposition":"answered_human","flags":{"humanAnswered":true,"completed":true,"callback":false,"dnc":false,
             "voicemail":false,"machine":false},"startedAt":"2026-11-21T15:04:05Z","endedAt":"2026-11-21T15:05:38Z",
             "durationSeconds":93,"cost":0.1234,"endedReason":"customer-ended-call",
             "summary":"The customer confirmed the Tuesday 10:00 appointment.","sentiment":null,"successEvaluation":"true",
             "structuredData":{"appointment_confirmed":true},"lastEventAt":"2026-11-21T15:05:40Z","routingStatus":null,
             "phoneNumberId":null}""";

    static final String CREATED_EXAMPLE = """
            {"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7","direction":"outbound","status":"queued",
             "fromNumber":"+14155550100","toNumber":"+14155550123","agentId":null,"campaignId":null,"contactId":null,
             "createdAt":"2026-11-21T15:04:00Z","updatedAt":"2026-11-21T15:04:00Z","provider":null,"providerCallId":null,
             "connectionId":null,"providerAgentId":null,"disposition":null,"flags":{"humanAnswered":false,"completed":false,
             "callback":false,"dnc":false,"voicemail":false,"machine":false},"startedAt":null,"endedAt":null,
             "durationSeconds":null,"cost":null,"endedReason":null,"summary":null,"sentiment":null,"successEvaluation":null,
             "structuredData":null,"lastEventAt":null,"routingStatus":null,"phoneNumberId":null}""";

    @Inject
    CallService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Record a call", description = "Phone numbers in E.164 (400 naming each bad field); direction defaults "
            + "to outbound, status to queued. Provider calls are recorded by their webhooks instead; campaigns dial through "
            + "dial.requested (docs/outbound.md).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "outbound", value = """
            {"toNumber":"+14155550123","fromNumber":"+14155550100","direction":"outbound"}""")))
    @APIResponse(responseCode = "201", description = "recorded", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "queued", value = CREATED_EXAMPLE)))
    public Response create(@Valid @NotNull CreateCallRequest request) {
        CallView call = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/calls/" + call.id())).entity(call).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A call: status, disposition and flags, times, cost and the provider's analysis")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "completed", value = CALL_EXAMPLE)))
    public CallView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    /** Newest first; paging as in docs/api-conventions.md. */
    @GET
    @Operation(summary = "List calls, newest first, filtered by agent, campaign, contact, status, disposition, "
            + "direction, provider, provider call id and creation time range")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + CALL_EXAMPLE + "],\"nextCursor\":null}")))
    public Page<CallView> list(@Valid @BeanParam PageRequest page, @BeanParam CallFilter filter) {
        return service.list(tenant.require(), filter, page);
    }

    @GET
    @Path("/{id}/timeline")
    @Operation(summary = "The call's timeline: every provider event applied to it, in order, with its raw payload")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "timeline", value = """
                    [{"eventSequence":1,"type":"status-update:in-progress","occurredAt":"2026-11-21T15:04:05Z",
                      "details":{"status":"in_progress","providerEventId":"c6b4f1a2-.../status-update/in-progress"},
                      "raw":{"message":{"type":"status-update","status":"in-progress"}}},
                     {"eventSequence":2,"type":"end-of-call-report","occurredAt":"2026-11-21T15:05:40Z",
                      "details":{"status":"completed","endedReason":"customer-ended-call","disposition":"answered_human"},
                      "raw":{"message":{"type":"end-of-call-report"}}}]""")))
    public List<CallTimelineEntry> timeline(@PathParam("id") UUID id) {
        return service.timeline(tenant.require(), id);
    }

    @GET
    @Path("/{id}/transcript")
    @Operation(summary = "The call's transcript (404 while there is none)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "transcript", value = """
                    {"text":"Agent: Hi, this is Ava from Acme Dental.\\nUser: Hi, yes.","turns":[
                     {"role":"agent","text":"Hi, this is Ava from Acme Dental.","secondsFromStart":0.5},
                     {"role":"user","text":"Hi, yes.","secondsFromStart":3.1}],"wordCount":10,"language":null,
                     "confidence":null,"updatedAt":"2026-11-21T15:05:40Z"}""")))
    public CallTranscriptView transcript(@PathParam("id") UUID id) {
        return service.transcript(tenant.require(), id);
    }

    @GET
    @Path("/{id}/recording")
    @Operation(summary = "The call's recording at the provider (404 while there is none)")
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "recording", value = """
                    {"url":"https://recordings.example.com/call_abc123.wav","expiresAt":null,"durationSeconds":93,
                     "updatedAt":"2026-11-21T15:05:40Z"}""")))
    public CallRecordingView recording(@PathParam("id") UUID id) {
        return service.recording(tenant.require(), id);
    }

    @PUT
    @Path("/{id}/disposition")
    @Operation(summary = "Set the call's disposition by hand; it overrides the provider's, goes on the timeline and "
            + "publishes call.disposition_changed")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "callback",
            value = "{\"disposition\":\"callback_requested\",\"note\":\"asked to be called after 5pm\"}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "updated", value = CALL_EXAMPLE)))
    public CallView setDisposition(@PathParam("id") UUID id, SetDispositionRequest request) {
        return service.setDisposition(tenant.require(), id, request);
    }
}
