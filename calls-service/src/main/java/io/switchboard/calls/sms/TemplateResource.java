package io.switchboard.calls.sms;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/message-templates")
@Tag(name = "SMS", description = "Message templates, SMS settings and the post-call SMS log (calls-service/docs/sms.md)")
public class TemplateResource {

    static final String REQUEST = """
            {"channel":"sms","name":"Post-call thank you",
             "body":"Hi {caller_name}, thanks for calling! Here's a summary of our conversation: {call_summary}. - {agent_name}"}""";
    static final String EXAMPLE = """
            {"id":"1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","channel":"sms","name":"Post-call thank you",
             "body":"Hi {caller_name}, thanks for calling! Here's a summary of our conversation: {call_summary}. - {agent_name}",
             "variables":["caller_name","call_summary","agent_name"],"createdAt":"2026-11-22T09:30:00Z","updatedAt":"2026-11-22T09:30:00Z"}""";

    private final TemplateService service;
    private final TenantContext tenant;

    public TemplateResource(TemplateService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Create a message template", description = "Names are unique per tenant (409). The body may use only "
            + "{caller_name} {caller_phone} {call_summary} {call_date} {agent_name} {agent_phone} {appointment_time}; an unknown "
            + "variable is a 400 naming it.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateRequest.class),
            examples = @ExampleObject(name = "thanks", value = REQUEST)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TemplateView.class), examples = @ExampleObject(name = "template", value = EXAMPLE)))
    public Response create(TemplateRequest request) {
        TemplateView view = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/message-templates/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List message templates", description = "Newest first, cursor paged.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<TemplateView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a message template")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TemplateView.class), examples = @ExampleObject(name = "template", value = EXAMPLE)))
    public TemplateView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a message template", description = "Same rules as create.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TemplateRequest.class),
            examples = @ExampleObject(name = "thanks", value = REQUEST)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TemplateView.class), examples = @ExampleObject(name = "template", value = EXAMPLE)))
    public TemplateView replace(@PathParam("id") UUID id, TemplateRequest request) {
        return service.replace(tenant.require(), id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a message template", description = "Agents and settings using it fall back to none.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
        return Response.noContent().build();
    }
}
