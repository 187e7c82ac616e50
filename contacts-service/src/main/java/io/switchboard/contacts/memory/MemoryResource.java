package io.switchboard.contacts.memory;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

/** The body is validated after the contact is found (RequestBodies): an unknown or foreign contact is 404 whatever it says. */
@Path("/api/v1/contacts/{contactId}/memories")
@Tag(name = "Memories")
public class MemoryResource {

    @Inject
    MemoryService service;

    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "List a contact's memories, newest first (cursor paging)")
    public Page<MemoryView> list(@PathParam("contactId") UUID contactId, @Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), contactId, page);
    }

    @POST
    @Operation(summary = "Remember a fact about a contact (a manual memory); publishes memory.added")
    @APIResponse(responseCode = "201", description = "the memory")
    public Response add(@PathParam("contactId") UUID contactId, AddMemoryRequest request) {
        MemoryView memory = service.add(tenant.require(), contactId, request);
        return Response.created(URI.create("/api/v1/contacts/" + contactId + "/memories/" + memory.id())).entity(memory).build();
    }

    @DELETE
    @Path("/{memoryId}")
    @Operation(summary = "Forget a memory")
    @APIResponse(responseCode = "204", description = "deleted")
    public void delete(@PathParam("contactId") UUID contactId, @PathParam("memoryId") UUID memoryId) {
        service.delete(tenant.require(), contactId, memoryId);
    }
}
