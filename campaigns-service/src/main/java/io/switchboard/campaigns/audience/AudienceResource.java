package io.switchboard.campaigns.audience;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;


import io.smallrye.common.annotation.Blocking;
import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.problem.RequestBodies;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/campaigns/{id}/audience")
@Tag(name = "Campaign audiences")
@Blocking
public class AudienceResource {

    static final String CSV_EXAMPLE = "phone,first_name,plan,time_zone\n+14155550123,Ada,gold,\n(212) 555-0188,Alan,silver,America/New_York\n";

    @Inject
    AudienceService service;

    @Inject
    TagAudience tags;

    @Inject
    RequestBodies bodies;

    @Inject
    TenantContext tenant;

    @POST
    @Consumes({ "text/csv", "text/plain", MediaType.APPLICATION_OCTET_STREAM, MediaType.WILDCARD })
    @Operation(summary = "Add recipients from a CSV file", description = "The file is the request body (text/csv) or the"
            + " multipart part 'file'. Header row required; phone (or phone_number, number) is the number, E.164 or national"
            + " in the campaign's defaultRegion; contact_id and time_zone are optional; every other column is a variable"
            + " handed to the agent. Invalid and duplicate rows (within the file, or already live in the campaign) are"
            + " counted and listed under /uploads/{uploadId}/errors with their line.")
    @RequestBody(content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary"),
            examples = @ExampleObject(name = "csv", value = CSV_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "The upload and its counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AudienceUploadView.class), examples = @ExampleObject(name = "upload", value = AudienceUploadView.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "Empty file, no phone column")
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "The campaign has ended or has no agent")
    @APIResponse(responseCode = "415", description = "Not CSV")
    public Response upload(@PathParam("id") UUID id, @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        UUID tenantId = tenant.require();
        Campaign campaign = service.openCampaign(tenantId, id); // 404 before anything about the body
        if (contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(MediaType.APPLICATION_JSON)) {
            throw new ProblemException(415, "unsupported-media-type", "Unsupported Media Type",
                    "send the CSV file as text/csv or as the multipart part 'file'", List.of());
        }
        return created(service.uploadCsv(tenantId, campaign, body));
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response uploadMultipart(@PathParam("id") UUID id, @RestForm("file") FileUpload file) throws IOException {
        UUID tenantId = tenant.require();
        Campaign campaign = service.openCampaign(tenantId, id);
        if (file == null) {
            throw ProblemException.badField("file", "the multipart part 'file' is required");
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            return created(service.uploadCsv(tenantId, campaign, in));
        }
    }

    @POST
    @Path("/tags")
    @Operation(summary = "Add the tenant's contacts that carry any of these tags", description = "From campaigns-service's"
            + " replica of contacts (switchboard.contacts events): each matching contact's phone with its dialing zones."
            + " Numbers already live in the campaign are counted as duplicates.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TagAudienceRequest.class),
            examples = @ExampleObject(name = "tags", value = "{\"tags\":[\"vip\",\"renewal-2026\"]}")))
    @APIResponse(responseCode = "201", description = "The addition and its counts", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AudienceUploadView.class), examples = @ExampleObject(name = "upload", value = AudienceUploadView.EXAMPLE)))
    @APIResponse(responseCode = "400", description = "No tags")
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    @APIResponse(responseCode = "409", description = "The campaign has ended or has no agent")
    public Response byTags(@PathParam("id") UUID id, TagAudienceRequest request) {
        UUID tenantId = tenant.require();
        Campaign campaign = service.openCampaign(tenantId, id);
        return created(tags.add(tenantId, campaign, bodies.validate(request)));
    }

    @GET
    @Path("/uploads")
    @Operation(summary = "List the campaign's audience additions, newest first")
    @APIResponse(responseCode = "404", description = "No such campaign for this tenant")
    public Page<AudienceUploadView> uploads(@PathParam("id") UUID id, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), id, page);
    }

    @GET
    @Path("/uploads/{uploadId}")
    @Operation(summary = "Get an audience addition and its counts")
    @APIResponse(responseCode = "200", description = "The upload", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = AudienceUploadView.class), examples = @ExampleObject(name = "upload", value = AudienceUploadView.EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such campaign or upload for this tenant")
    public AudienceUploadView upload(@PathParam("id") UUID id, @PathParam("uploadId") UUID uploadId) {
        return service.get(tenant.require(), id, uploadId);
    }

    @GET
    @Path("/uploads/{uploadId}/errors")
    @Operation(summary = "An upload's row problems, in file order", description = "Page with afterLine = the last line seen")
    @APIResponse(responseCode = "200", description = "Row problems", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "errors", value = """
                    [{"line":3,"field":"phone","reason":"is not a valid number"},{"line":5,"field":"phone","reason":"duplicate of line 2"}]""")))
    @APIResponse(responseCode = "404", description = "No such campaign or upload for this tenant")
    public List<AudienceUploadView.RowError> errors(@PathParam("id") UUID id, @PathParam("uploadId") UUID uploadId,
            @QueryParam("afterLine") @DefaultValue("0") @Min(0) int afterLine,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(1000) int limit) {
        return service.errors(tenant.require(), id, uploadId, afterLine, limit);
    }

    private static Response created(AudienceUploadView view) {
        return Response.status(201).entity(view).build();
    }

}
