package io.switchboard.calls.note;

import java.net.URI;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
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

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/calls/{callId}/notes")
@Tag(name = "Calls")
public class NoteResource {

    static final String EXAMPLE = """
            {"id":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f","callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "text":"Wants a viewing on Tuesday morning","appointmentAt":"2026-11-25T15:00:00Z",
             "author":"8a7b6c5d-4e3f-4a2b-9c1d-0e9f8a7b6c5d","createdAt":"2026-11-21T15:07:00Z"}""";

    private final NoteService service;
    private final TenantContext tenant;

    public NoteResource(NoteService service, TenantContext tenant) {
        this.service = service;
        this.tenant = tenant;
    }

    @POST
    @Operation(summary = "Add a note to a call", description = "The author is the token's user. The note appears on the call's "
            + "timeline as note_added; appointmentAt feeds the post-call SMS's {appointment_time}.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = NoteRequest.class),
            examples = @ExampleObject(name = "appointment", value = """
                    {"text":"Wants a viewing on Tuesday morning","appointmentAt":"2026-11-25T10:00:00-05:00"}""")))
    @APIResponse(responseCode = "201", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = NoteView.class), examples = @ExampleObject(name = "note", value = EXAMPLE)))
    public Response add(@PathParam("callId") UUID callId, NoteRequest request) {
        NoteView note = service.add(tenant.require(), callId, author(), request);
        return Response.created(URI.create("/api/v1/calls/" + callId + "/notes/" + note.id())).entity(note).build();
    }

    @GET
    @Operation(summary = "List a call's notes", description = "Newest first, cursor paged.")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<NoteView> list(@PathParam("callId") UUID callId, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), callId, page);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a call note", description = "Leaves a note_deleted entry on the timeline.")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("callId") UUID callId, @PathParam("id") UUID id) {
        service.delete(tenant.require(), callId, id, author());
        return Response.noContent().build();
    }

    private String author() {
        return tenant.subject().orElse("unknown");
    }
}
