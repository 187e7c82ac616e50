package io.switchboard.contacts.dnc;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;
import io.switchboard.platform.tenant.TenantScope;

@Path("/api/v1/dnc")
@Tag(name = "Do-not-call")
public class DncResource {

    static final String LIST_ID = "a DNC list id, or internal for the tenant's internal list";
    static final String LIST_EXAMPLE = """
            {"id":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","name":"Spring campaign suppressions",
             "description":"numbers the client asked us to skip","internal":false,
             "createdAt":"2026-11-21T10:00:00Z","updatedAt":"2026-11-21T10:00:00Z"}""";
    static final String NUMBER_EXAMPLE = """
            {"listId":"2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c6d","phone":"+14155550123","reason":"litigator",
             "source":"api","createdAt":"2026-11-21T10:05:00Z"}""";

    @Inject
    DncService service;

    @Inject
    DncCheck checks;

    @Inject
    TenantContext tenant;

    // ---- check ---------------------------------------------------------------------------------------------------

    @GET
    @Path("/check")
    @Operation(summary = "May this number be contacted on this channel now?",
            description = "allowed is false with every reason: an opt-out of the channel; for voice, the tenant's internal list "
                    + "(always applies) or any of the named lists (listIds, repeated or comma-separated).")
    @APIResponse(responseCode = "200", description = "the answer", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "blocked", value = """
                    {"phone":"+14155550123","channel":"voice","allowed":false,"reasons":[
                     {"kind":"internal_dnc","listId":"5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f","since":"2026-11-21T15:05:39Z"},
                     {"kind":"opt_out","since":"2026-11-21T15:07:02Z"}]}""")))
    public DncCheckView check(
            @Parameter(description = "international, or national for the tenant's default region", example = "+14155550123")
            @QueryParam("phone") @NotBlank @Size(max = 32) String phone,
            @QueryParam("channel") @DefaultValue("voice")
            @Pattern(regexp = DncVocabulary.CHANNELS, message = DncVocabulary.CHANNELS_MESSAGE) String channel,
            @Parameter(description = "DNC list ids the campaign attaches") @QueryParam("listIds") List<String> listIds) {
        return checks.check(tenant.require(), phone, channel, listIds);
    }

    // ---- lists ---------------------------------------------------------------------------------------------------

    @POST
    @Path("/lists")
    @Operation(summary = "Create a named DNC list")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "list",
            value = "{\"name\":\"Spring campaign suppressions\",\"description\":\"numbers the client asked us to skip\"}")))
    @APIResponse(responseCode = "201", description = "created", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "list", value = LIST_EXAMPLE)))
    public Response createList(@Valid @NotNull DncListRequest request) {
        DncListView list = service.createList(tenant.require(), request);
        return Response.created(URI.create("/api/v1/dnc/lists/" + list.id())).entity(list).build();
    }

    @GET
    @Path("/lists")
    @Operation(summary = "List DNC lists, newest first", description = "The internal list is always among them (internal: true).")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + LIST_EXAMPLE + "],\"nextCursor\":null}")))
    public Page<DncListView> lists(@Valid @BeanParam PageRequest page) {
        return service.listLists(tenant.require(), page);
    }

    @GET
    @Path("/lists/{listId}")
    @Operation(summary = "One DNC list")
    @APIResponse(responseCode = "200", description = "the list", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "list", value = LIST_EXAMPLE)))
    public DncListView list(@Parameter(description = LIST_ID) @PathParam("listId") String listId) {
        return service.getList(tenant.require(), listId);
    }

    @PATCH
    @Path("/lists/{listId}")
    @Operation(summary = "Rename a DNC list or change its description", description = "The internal list cannot be renamed (409).")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "rename",
            value = "{\"name\":\"Spring 2027 suppressions\"}")))
    @APIResponse(responseCode = "200", description = "changed", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "list", value = LIST_EXAMPLE)))
    public DncListView update(@Parameter(description = LIST_ID) @PathParam("listId") String listId, DncListRequest request) {
        return service.updateList(tenant.require(), listId, request);
    }

    @DELETE
    @Path("/lists/{listId}")
    @Operation(summary = "Delete a named DNC list and its numbers",
            description = "Publishes io.switchboard.dnc.number_removed.v1 for every number on it. The internal list cannot be deleted (409).")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@Parameter(description = LIST_ID) @PathParam("listId") String listId) {
        service.deleteList(tenant.require(), listId);
        return Response.noContent().build();
    }

    // ---- numbers -------------------------------------------------------------------------------------------------

    @GET
    @Path("/lists/{listId}/numbers")
    @Operation(summary = "The numbers on a DNC list, newest first")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + NUMBER_EXAMPLE + "],\"nextCursor\":null}")))
    public Page<DncNumberView> numbers(@Parameter(description = LIST_ID) @PathParam("listId") String listId,
            @Valid @BeanParam PageRequest page) {
        return service.listNumbers(tenant.require(), listId, page);
    }

    @POST
    @Path("/lists/{listId}/numbers")
    @Operation(summary = "Put a number on a DNC list",
            description = "Idempotent: a number already on the list answers 200 and publishes nothing; otherwise 201 and "
                    + "io.switchboard.dnc.number_added.v1.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "number",
            value = "{\"phone\":\"+14155550123\",\"reason\":\"litigator\"}")))
    @APIResponse(responseCode = "201", description = "listed", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "number", value = NUMBER_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "already on the list (the existing entry)", content = @Content(
            mediaType = "application/json", examples = @ExampleObject(name = "number", value = NUMBER_EXAMPLE)))
    public Response addNumber(@Parameter(description = LIST_ID) @PathParam("listId") String listId, AddDncNumberRequest request) {
        DncService.Added added = service.addNumber(tenant.require(), listId, request);
        return added.created()
                ? Response.created(URI.create("/api/v1/dnc/lists/" + listId + "/numbers/" + added.number().phone()))
                        .entity(added.number()).build()
                : Response.ok(added.number()).build();
    }

    @DELETE
    @Path("/lists/{listId}/numbers/{phone}")
    @Operation(summary = "Take a number off a DNC list", description = "Publishes io.switchboard.dnc.number_removed.v1; 404 if it is not on the list.")
    @APIResponse(responseCode = "204", description = "removed")
    public Response removeNumber(@Parameter(description = LIST_ID) @PathParam("listId") String listId,
            @Parameter(description = "the number (URL-encoded +, e.g. %2B14155550123)", example = "+14155550123")
            @PathParam("phone") String phone) {
        service.removeNumber(tenant.require(), listId, phone);
        return Response.noContent().build();
    }

    @POST
    @Path("/lists/{listId}/numbers/bulk")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Add or remove every number of a file",
            description = "The body is the file: CSV whose header names the phone column (phone, phone_number, number, telephone, mobile) "
                    + "and optionally reason, or one number per line. Streamed in one transaction: a file over the size limit is 413, "
                    + "an unreadable one 400 (file), and either changes nothing; bad rows are listed in errors and skipped. "
                    + "Publishes one event per number added or removed.")
    @RequestBody(required = true, content = {
            @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "csv", value = "phone,reason\n+14155550123,litigator\n(415) 555-0124,asked\n")),
            @Content(mediaType = "text/plain", schema = @Schema(type = SchemaType.STRING),
                    examples = @ExampleObject(name = "lines", value = "+14155550123\n+442071838750\n")) })
    @APIResponse(responseCode = "200", description = "what the file did", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "result", value = """
                    {"action":"add","rows":3,"changed":1,"unchanged":1,"failed":1,
                     "errors":[{"row":3,"value":"call me","reason":"must be a valid phone number"}],"errorsTruncated":false}""")))
    @APIResponse(responseCode = "413", description = "the file is larger than switchboard.dnc.max-upload-bytes")
    public BulkResult bulk(@Parameter(description = LIST_ID) @PathParam("listId") String listId,
            @Parameter(description = "add (default) or remove") @QueryParam("action") String action,
            @Context HttpHeaders headers, InputStream body) {
        String length = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        return service.bulk(tenant.require(), listId, action, headers.getHeaderString(HttpHeaders.CONTENT_TYPE),
                length == null || !length.matches("\\d{1,18}") ? null : Long.valueOf(length), body);
    }

    @GET
    @Path("/lists/{listId}/export")
    @Produces("text/csv")
    @Operation(summary = "Export a DNC list as CSV", description = "Streamed: phone,reason,source,added_at in phone order.")
    @APIResponse(responseCode = "200", description = "the list", content = @Content(mediaType = "text/csv",
            schema = @Schema(type = SchemaType.STRING),
            examples = @ExampleObject(name = "csv", value = "phone,reason,source,added_at\n+14155550123,litigator,api,2026-11-21T10:05Z\n")))
    public Response export(@Parameter(description = LIST_ID) @PathParam("listId") String listId) {
        UUID tenantId = tenant.require();
        // looked up before the response starts, so an unknown list is still a 404 problem
        DncList list = service.resolve(tenantId, listId);
        StreamingOutput csv = output -> TenantScope.call(tenantId, () -> QuarkusTransaction.requiringNew().call(() -> {
            try {
                service.writeCsv(tenantId, list.id, output);
            } catch (java.io.IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        }));
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"dnc-" + list.id + ".csv\"").build();
    }
}
