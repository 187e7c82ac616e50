package io.switchboard.contacts.importer;

import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/** List imports; see contacts-service/docs/imports.md. */
@Path("/api/v1/imports")
@Tag(name = "Imports")
public class ImportResource {

    private static final String JOB_ID = "{\"id\":\"5f0c3a9e-2b7d-4c1e-9a8f-1d2e3f4a5b6c\",";
    private static final String JOB_FILE = """
            "format":"csv","delimiter":"comma","mapping":{"Mobile":"phone"},"tags":["spring-2026"],"fileName":"leads.csv",
             "fileBytes":104857,"rowsTotal":1000,"error":null,"createdAt":"2026-11-21T15:04:05Z","startedAt":"2026-11-21T15:04:06Z",
             """;
    static final String JOB_EXAMPLE = JOB_ID + "\"status\":\"running\",\"duplicatePolicy\":\"skip\"," + JOB_FILE + """
            "rowsProcessed":500,"rowsImported":480,"rowsUpdated":0,"rowsSkipped":12,"rowsFailed":8,"rowsFlagged":1,
             "finishedAt":null}""";
    static final String CANCELLED_EXAMPLE = JOB_ID + "\"status\":\"cancelled\",\"duplicatePolicy\":\"skip\"," + JOB_FILE + """
            "rowsProcessed":500,"rowsImported":480,"rowsUpdated":0,"rowsSkipped":12,"rowsFailed":8,"rowsFlagged":1,
             "finishedAt":"2026-11-21T15:04:31Z"}""";
    static final String UNDONE_EXAMPLE = JOB_ID + "\"status\":\"undone\",\"duplicatePolicy\":\"update\"," + JOB_FILE + """
            "rowsProcessed":1000,"rowsImported":940,"rowsUpdated":35,"rowsSkipped":17,"rowsFailed":8,"rowsFlagged":2,
             "finishedAt":"2026-11-21T15:05:12Z"}""";

    @Inject
    ImportService service;

    @Inject
    ImportUploads uploads;

    @Inject
    ImportProgress progress;

    @Inject
    TenantContext tenant;

    @POST
    @Consumes({"text/csv", "text/plain", "text/tab-separated-values", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Upload a list to import", description = "The raw file is the request body (not multipart); options"
            + " are query parameters. The file is spooled to disk and imported in the background: poll the job, or follow"
            + " /events. Problems with the file itself (encoding, quoting, header) fail the job with an error; bad rows are"
            + " listed under /errors.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "csv", value = "First Name,Last Name,Mobile,Email,Segment\n"
                    + "Ada,Lovelace,+442079460958,ada@example.com,vip\nAlan,Turing,(415) 555-0123,,\n")))
    @APIResponse(responseCode = "202", description = "Queued", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "queued", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "400", description = "An option is invalid (named in errors[].field)")
    @APIResponse(responseCode = "413", description = "The file is larger than switchboard.imports.max-upload-bytes")
    public Response upload(InputStream body,
            @Parameter(description = "csv (header row) or vicidial (standard lead file, no header)", example = "csv")
            @QueryParam("format") @DefaultValue("csv") String format,
            @Parameter(description = "auto, comma, semicolon, tab or pipe", example = "auto")
            @QueryParam("delimiter") @DefaultValue("auto") String delimiter,
            @Parameter(description = "a row whose phone already has a contact (or repeats an earlier row):"
                    + " skip it, update that contact, or keep_both (a second contact marked duplicateOf the phone's primary)", example = "skip")
            @QueryParam("duplicates") @DefaultValue("skip") String duplicates,
            @Parameter(description = "repeatable <column>:<field>; unmapped columns are recognised by name or kept as"
                    + " custom fields; field ignore drops a column", example = "Mobile:phone")
            @QueryParam("map") List<String> map,
            @Parameter(description = "repeatable; added to every imported or updated contact", example = "spring-2026")
            @QueryParam("tag") List<String> tags,
            @Parameter(description = "shown in the job", example = "leads.csv") @QueryParam("fileName") String fileName,
            @Context HttpHeaders headers) {
        UUID tenantId = tenant.require();
        ImportRequest request = ImportRequest.parse(format, delimiter, duplicates, map, tags, fileName);
        UUID id = UUID.randomUUID();
        // read here rather than as a documented parameter: it describes the body, clients do not choose it
        java.nio.file.Path spooled = uploads.spool(id, body, declaredLength(headers));
        try {
            ImportView job = service.create(tenantId, id, request, spooled, Files.size(spooled));
            return Response.accepted(job).location(URI.create("/api/v1/imports/" + id)).build();
        } catch (java.io.IOException | RuntimeException e) {
            ImportUploads.discard(spooled);
            throw e instanceof RuntimeException runtime ? runtime : new java.io.UncheckedIOException((java.io.IOException) e);
        }
    }

    /** The Content-Length the client declared (a long: HttpHeaders.getLength() is an int), or null. */
    private static Long declaredLength(HttpHeaders headers) {
        try {
            String value = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
            return value == null ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @GET
    @Operation(summary = "List imports", description = "Newest first; cursor paging as in docs/api-conventions.md")
    @APIResponse(responseCode = "200", description = "A page of imports", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + JOB_EXAMPLE + "],\"nextCursor\":null}")))
    public Page<ImportView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An import and its progress")
    @APIResponse(responseCode = "200", description = "The job", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "running", value = JOB_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    public ImportView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @GET
    @Path("/{id}/errors")
    @Operation(summary = "The import's rejected and flagged rows", description = "In file order; cursor paging")
    @APIResponse(responseCode = "200", description = "A page of row errors", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = """
                    {"items":[{"row":7,"column":"Mobile","value":"12345","reason":"not a valid phone number"}],"nextCursor":null}""")))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    public Page<ImportErrorView> errors(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.errors(tenant.require(), id, page);
    }

    @GET
    @Path("/{id}/errors.csv")
    @Produces("text/csv")
    @Operation(summary = "Download the import's row errors as CSV", description = "Streamed; columns row, column, value, reason")
    @APIResponse(responseCode = "200", description = "CSV", content = @Content(mediaType = "text/csv",
            examples = @ExampleObject(name = "csv", value = "row,column,value,reason\r\n7,Mobile,12345,not a valid phone number\r\n")))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    public Response errorsCsv(@PathParam("id") UUID id) {
        UUID tenantId = tenant.require();
        service.get(tenantId, id);
        StreamingOutput csv = out -> progress.writeErrorsCsv(tenantId, id, out);
        return Response.ok(csv, "text/csv").header("Content-Disposition", "attachment; filename=\"import-" + id + "-errors.csv\"")
                .build();
    }

    @GET
    @Path("/{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "Follow an import's progress (Server-Sent Events)", description = "One event with the job now, one"
            + " at every change, the last when it has ended; then the stream closes")
    @APIResponse(responseCode = "200", description = "text/event-stream of Import objects", content = @Content(
            mediaType = MediaType.SERVER_SENT_EVENTS, examples = @ExampleObject(name = "event", value = "data:" + "{\"id\":\"5f0c3a9e-2b7d-4c1e-9a8f-1d2e3f4a5b6c\",\"status\":\"running\",\"rowsProcessed\":500}\n\n")))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    public Multi<ImportView> events(@PathParam("id") UUID id) {
        UUID tenantId = tenant.require();
        service.get(tenantId, id);
        return progress.stream(tenantId, id);
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a queued or running import", description = "Stops between two chunks; what was imported stays until undone")
    @APIResponse(responseCode = "200", description = "Cancelled", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "cancelled",
                    value = CANCELLED_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    @APIResponse(responseCode = "409", description = "The import has already ended")
    public ImportView cancel(@PathParam("id") UUID id) {
        return service.cancel(tenant.require(), id);
    }

    @POST
    @Path("/{id}/undo")
    @Operation(summary = "Undo an import", description = "Removes exactly the contacts it created and restores the fields it"
            + " updated to their values before the import")
    @APIResponse(responseCode = "200", description = "Undone", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportView.class), examples = @ExampleObject(name = "undone", value = UNDONE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such import for this tenant")
    @APIResponse(responseCode = "409", description = "Still running (cancel it first) or already undone")
    public ImportView undo(@PathParam("id") UUID id) {
        return service.undo(tenant.require(), id);
    }
}
