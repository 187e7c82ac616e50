package io.switchboard.contacts.dnc;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
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

@Path("/api/v1/opt-outs")
@Tag(name = "Opt-outs")
public class OptOutResource {

    static final String EXAMPLE = """
            {"id":"0b5f1c8e-3d2a-4f6b-9a7c-1e2d3c4b5a69","phone":"+14155550123","channel":"voice",
             "reason":"asked not to be called again","source":"call","contactId":null,"createdAt":"2026-11-21T15:07:02.123456Z"}""";

    @Inject
    OptOutService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Opt a number out of a channel",
            description = "Idempotent: the same phone and channel again answers 200 with the existing opt-out and publishes nothing; "
                    + "a new one answers 201 and publishes io.switchboard.optout.added.v1. National numbers need the tenant's default region.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "voice",
            value = "{\"phone\":\"+14155550123\",\"channel\":\"voice\",\"reason\":\"asked not to be called again\",\"source\":\"call\"}")))
    @APIResponse(responseCode = "201", description = "opted out", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "created", value = EXAMPLE)))
    @APIResponse(responseCode = "200", description = "the number had already opted out of this channel (the existing opt-out)",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "existing", value = EXAMPLE)))
    public Response add(@Valid @NotNull CreateOptOutRequest request) {
        OptOutService.Added added = service.add(tenant.require(), request);
        return added.created()
                ? Response.created(URI.create("/api/v1/opt-outs/" + added.optOut().id())).entity(added.optOut()).build()
                : Response.ok(added.optOut()).build();
    }

    @GET
    @Operation(summary = "List opt-outs, newest first", description = "Optionally one number (phone) and/or one channel; cursor paging.")
    @APIResponse(responseCode = "200", description = "a page", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "page", value = "{\"items\":[" + EXAMPLE + "],\"nextCursor\":null}")))
    public Page<OptOutView> list(@Valid @BeanParam PageRequest page,
            @QueryParam("phone") @Size(max = 32) String phone,
            @QueryParam("channel") @Pattern(regexp = DncVocabulary.CHANNELS, message = DncVocabulary.CHANNELS_MESSAGE) String channel) {
        return service.list(tenant.require(), phone, channel, page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One opt-out")
    @APIResponse(responseCode = "200", description = "the opt-out", content = @Content(mediaType = "application/json",
            examples = @ExampleObject(name = "opt-out", value = EXAMPLE)))
    public OptOutView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Withdraw an opt-out", description = "Publishes io.switchboard.optout.removed.v1.")
    @APIResponse(responseCode = "204", description = "removed")
    public Response remove(@PathParam("id") UUID id) {
        service.remove(tenant.require(), id);
        return Response.noContent().build();
    }
}
