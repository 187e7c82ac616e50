package io.switchboard.calls.agent;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/agents")
@Tag(name = "Agents", description = "The provider-side assistants calls talk to (calls-service/docs/agents.md)")
public class AgentResource {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String REQUEST_EXAMPLE = """
            {"name":"Ava – front desk","description":"Answers the office line","connectionId":"3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80",
             "providerAgentId":"asst_8d3f","type":"call","systemPrompt":"You are Ava, the receptionist of Acme Realty.",
             "greeting":"Hi, this is Ava from Acme Realty.","template":"property_sales",
             "voiceConfig":{"provider":"11labs","voiceId":"rachel","speed":1.0},"llmConfig":{"model":"gpt-4o","temperature":0.3},
             "taskConfig":{"maxDurationSeconds":600}}""";
    static final String EXAMPLE = """
            {"id":"0b8f5a7e-2c1d-4e3f-9a8b-7c6d5e4f3a21","name":"Ava – front desk","description":"Answers the office line",
             "connectionId":"3f1c2a9e-8f4b-4c1e-9a57-2c1d5e6f7a80","provider":"vapi","providerAgentId":"asst_8d3f","type":"call",
             "systemPrompt":"You are Ava, the receptionist of Acme Realty.","greeting":"Hi, this is Ava from Acme Realty.",
             "template":"property_sales","voiceConfig":{"provider":"11labs","voiceId":"rachel","speed":1.0},
             "llmConfig":{"model":"gpt-4o","temperature":0.3},"taskConfig":{"maxDurationSeconds":600},"enabled":true,
             "smsTemplateId":null,"createdAt":"2026-11-22T09:15:00Z","updatedAt":"2026-11-22T09:15:00Z"}""";

    private final AgentService service;
    private final TenantContext tenant;

    public AgentResource(AgentService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Create an agent", description = "The connection must be the tenant's (400 naming connectionId); "
            + "providerAgentId is unique per connection (409); voiceConfig, llmConfig and taskConfig are validated against "
            + "the connection provider's JSON Schema (400 naming e.g. voiceConfig.speed). Publishes agent.created.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "vapi", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentView.class), examples = @ExampleObject(name = "agent", value = EXAMPLE)))
    public Response create(@Valid @NotNull AgentRequest request) {
        AgentView view = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/agents/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List agents", description = "Newest first, cursor paged (docs/api-conventions.md).")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<AgentView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get an agent")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentView.class), examples = @ExampleObject(name = "agent", value = EXAMPLE)))
    public AgentView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change an agent (JSON merge patch)", description = "RFC 7386: a field left out is unchanged, a field "
            + "set to null is cleared (or back to its default), the configurations are merged key by key. The result obeys the "
            + "create rules. Publishes agent.updated naming the changed fields.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = AgentRequest.class),
            examples = @ExampleObject(name = "patch", value = "{\"enabled\":false,\"voiceConfig\":{\"speed\":1.2},\"greeting\":null}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AgentView.class), examples = @ExampleObject(name = "agent", value = EXAMPLE)))
    public AgentView update(@PathParam("id") UUID id, JsonNode patch) throws JsonProcessingException {
        return service.update(tenant.require(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete an agent and its custom functions", description = "Calls keep the agent id. Publishes agent.deleted.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
        return Response.noContent().build();
    }
}
