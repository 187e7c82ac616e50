package io.switchboard.contacts.contact;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
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

@Path("/api/v1/contacts")
@Tag(name = "Contacts")
public class ContactResource {

    static final String MERGE_PATCH = "application/merge-patch+json";

    private static final String CONTACT_EXAMPLE = """
            {"id":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d","phone":"+14155550123","firstName":"Ada","lastName":"Lovelace",
             "email":"ada@example.com","timeZone":null,"createdAt":"2026-11-21T15:04:05Z","updatedAt":"2026-11-21T15:04:05Z",
             "alternatePhone":null,"company":"Analytical Engines Ltd","address":"12 St James's Square","city":"London",
             "state":null,"postalCode":"SW1Y 4JH","country":"GB","notes":"prefers mornings","tags":["vip","engineering"],
             "businessContext":"evaluating the enterprise plan","customFields":{"crmId":"A-1815"},
             "timeZones":["America/Los_Angeles"],"timeZoneSource":"number","customer":false,"notConnectedCount":0,
             "busyCount":1,"noAnswerCount":0,"lastContactAt":"2026-11-21T16:00:00Z","source":"api",
             "sourceImportId":null,"sourceCallId":null,"duplicateOf":null}""";

    /** A second contact with the example's phone, made by an import with policy keep_both. */
    private static final String DUPLICATE_EXAMPLE = """
            {"id":"5d8c1e2f-7a6b-4c3d-9e8f-0a1b2c3d4e5f","phone":"+14155550123","firstName":"Ada","lastName":"King",
             "email":null,"timeZone":null,"createdAt":"2026-11-22T09:00:00Z","updatedAt":"2026-11-22T09:00:00Z",
             "alternatePhone":null,"company":null,"address":null,"city":null,"state":null,"postalCode":null,"country":null,
             "notes":null,"tags":["spring-2026"],"businessContext":null,"customFields":{},
             "timeZones":["America/Los_Angeles"],"timeZoneSource":"number","customer":false,"notConnectedCount":0,
             "busyCount":0,"noAnswerCount":0,"lastContactAt":null,"source":"import",
             "sourceImportId":"3f2b8c1d-5e4a-4b6c-8d7e-9f0a1b2c3d4e","sourceCallId":null,
             "duplicateOf":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d"}""";

    @Inject
    ContactService service;

    @Inject
    TenantContext tenant;

    @POST
    @Operation(summary = "Create a contact", description = "Only the phone is required. Phones are stored in E.164; a national "
            + "number is accepted when the tenant has a default region (contact-settings). 409 when another contact has the phone.")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "contact", value = """
            {"phone":"+1 415 555 0123","firstName":"Ada","lastName":"Lovelace","email":"ada@example.com",
             "company":"Analytical Engines Ltd","tags":["VIP"," engineering "],"customFields":{"crmId":"A-1815"},"source":"manual"}""")))
    @APIResponse(responseCode = "201", description = "Created", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    public Response create(@NotNull CreateContactRequest request) {
        ContactView contact = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/contacts/" + contact.id())).entity(contact).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Read a contact")
    @APIResponse(responseCode = "200", description = "The contact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    public ContactView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MERGE_PATCH, MediaType.APPLICATION_JSON })
    @Operation(summary = "Change a contact (JSON merge patch)", description = "RFC 7386: a field left out is unchanged, a field "
            + "set to null is cleared, customFields is merged key by key. The result obeys the create rules; 409 when the new "
            + "phone belongs to another contact. The dialing zones are re-resolved when the phone or timeZone changes.")
    @RequestBody(content = @Content(mediaType = MERGE_PATCH, schema = @Schema(implementation = CreateContactRequest.class),
            examples = @ExampleObject(name = "patch", value = """
                    {"company":"Babbage & Co","notes":null,"tags":["vip"],"customFields":{"crmId":null,"tier":"gold"}}""")))
    @APIResponse(responseCode = "200", description = "The changed contact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    public ContactView update(@PathParam("id") UUID id, JsonNode patch) throws JsonProcessingException {
        return service.update(tenant.require(), id, patch);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a contact", description = "Its memories, consents, follow-ups and other rows go with it.")
    @APIResponse(responseCode = "204", description = "Deleted")
    public void delete(@PathParam("id") UUID id) {
        service.delete(tenant.require(), id);
    }

    @POST
    @Path("/{id}/merge")
    @Operation(summary = "Merge another contact into this one", description = "The path's contact survives: its empty fields are "
            + "filled from the other, tags and custom fields united, counters summed; every row referencing the other contact "
            + "(memories, consents, follow-ups, meetings, calls …) moves to it; then the other is deleted. 409, and nothing "
            + "changes, when a row may exist only once per contact and both have one (both are customers, say).")
    @RequestBody(content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "merge",
            value = "{\"mergeContactId\":\"7f1c9d2e-3a4b-4c5d-8e6f-0a1b2c3d4e5f\"}")))
    @APIResponse(responseCode = "200", description = "The surviving contact", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ContactView.class), examples = @ExampleObject(name = "contact", value = CONTACT_EXAMPLE)))
    public ContactView merge(@PathParam("id") UUID id, MergeContactsRequest request) {
        return service.merge(tenant.require(), id, request);
    }

    @GET
    @Operation(summary = "Search contacts", description = "Every filter given must match. Paging as in docs/api-conventions.md; "
            + "a cursor is valid only for the sort and order it was issued with.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = { @ExampleObject(name = "page", value = "{\"items\":[" + CONTACT_EXAMPLE + "],\"nextCursor\":null}"),
                    @ExampleObject(name = "phone with a possible duplicate", value = "{\"items\":[" + DUPLICATE_EXAMPLE + ","
                            + CONTACT_EXAMPLE + "],\"nextCursor\":null}") }))
    public Page<ContactView> list(@Valid @BeanParam ContactSearch search, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), search, page);
    }
}
