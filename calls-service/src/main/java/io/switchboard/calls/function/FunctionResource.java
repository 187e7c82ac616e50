package io.switchboard.calls.function;

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

@Path("/api/v1/agents/{agentId}/functions")
@Tag(name = "Agents")
public class FunctionResource {

    static final String REQUEST_EXAMPLE = """
            {"name":"book_viewing","description":"Books a property viewing for the caller","endpoint":"https://crm.example.com/api/viewings",
             "method":"POST","headers":{"X-Source":"switchboard"},"authType":"bearer","authConfig":{"token":"s3cr3t-token"},
             "parameters":{"type":"object","properties":{"date":{"type":"string","format":"date"},"propertyId":{"type":"string"}},
                           "required":["date","propertyId"]},
             "responseMapping":{"result":"$.confirmation"},"timeoutSeconds":10,"enabled":true}""";
    static final String EXAMPLE = """
            {"id":"5d6e7f80-91a2-4b3c-8d4e-5f60718293a4","agentId":"0b8f5a7e-2c1d-4e3f-9a8b-7c6d5e4f3a21","name":"book_viewing",
             "description":"Books a property viewing for the caller","endpoint":"https://crm.example.com/api/viewings","method":"POST",
             "headers":{"X-Source":"switchboard"},"authType":"bearer","authConfigured":true,
             "parameters":{"type":"object","properties":{"date":{"type":"string","format":"date"},"propertyId":{"type":"string"}},
                           "required":["date","propertyId"]},
             "responseMapping":{"result":"$.confirmation"},"timeoutSeconds":10,"enabled":true,
             "createdAt":"2026-11-22T09:20:00Z","updatedAt":"2026-11-22T09:20:00Z"}""";

    private final FunctionService service;
    private final TenantContext tenant;

    public FunctionResource(FunctionService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Add a custom function (tool) to an agent", description = "The name is unique per agent (409). "
            + "authConfig is encrypted at rest and never returned (authConfigured says whether one is stored). parameters must "
            + "be a valid JSON Schema (draft 2020-12) of an object (400 naming the offending path).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunctionRequest.class),
            examples = @ExampleObject(name = "bearer", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FunctionView.class), examples = @ExampleObject(name = "function", value = EXAMPLE)))
    public Response create(@PathParam("agentId") UUID agentId, FunctionRequest request) {
        FunctionView view = service.create(tenant.require(), agentId, request);
        return Response.created(URI.create("/api/v1/agents/" + agentId + "/functions/" + view.id())).entity(view).build();
    }

    @GET
    @Operation(summary = "List an agent's custom functions", description = "Newest first, cursor paged.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<FunctionView> list(@PathParam("agentId") UUID agentId, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), agentId, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a custom function")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FunctionView.class), examples = @ExampleObject(name = "function", value = EXAMPLE)))
    public FunctionView get(@PathParam("agentId") UUID agentId, @PathParam("id") UUID id) {
        return service.get(tenant.require(), agentId, id);
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Replace a custom function", description = "Same rules as create; leaving authConfig out keeps the "
            + "stored one while authType is unchanged.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = FunctionRequest.class),
            examples = @ExampleObject(name = "bearer", value = REQUEST_EXAMPLE)))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = FunctionView.class), examples = @ExampleObject(name = "function", value = EXAMPLE)))
    public FunctionView replace(@PathParam("agentId") UUID agentId, @PathParam("id") UUID id, FunctionRequest request) {
        return service.replace(tenant.require(), agentId, id, request);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a custom function")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("agentId") UUID agentId, @PathParam("id") UUID id) {
        service.delete(tenant.require(), agentId, id);
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/test")
    @Operation(summary = "Test-invoke a custom function with sample arguments", description = "The arguments are validated "
            + "against the function's parameters (400 naming arguments.<path>). Calls only the configured endpoint (no redirects), "
            + "within the function's timeout (capped) and a response size limit. A timeout, a refused connection or an oversized "
            + "answer is reported in the 200 result, never as an error of this API. Secrets in the answer are masked.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TestInvokeRequest.class),
            examples = @ExampleObject(name = "arguments", value = "{\"arguments\":{\"date\":\"2026-11-25\",\"propertyId\":\"P-1042\"}}")))
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = TestInvokeResult.class), examples = {
                    @ExampleObject(name = "ok", value = """
                            {"ok":true,"status":200,"latencyMs":184,"body":"{\\"confirmation\\":\\"V-2291\\"}","truncated":false,
                             "error":null,"errorMessage":null}"""),
                    @ExampleObject(name = "timeout", value = """
                            {"ok":false,"status":null,"latencyMs":10003,"body":null,"truncated":false,"error":"timeout",
                             "errorMessage":"no answer within 10s"}""") }))
    public TestInvokeResult test(@PathParam("agentId") UUID agentId, @PathParam("id") UUID id, TestInvokeRequest request) {
        return service.test(tenant.require(), agentId, id, request);
    }
}
