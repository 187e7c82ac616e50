package io.switchboard.contacts.contact;

import java.net.URI;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/contacts")
@Tag(name = "Contacts")
public class ContactResource {

    @Inject
    ContactService service;

    @Inject
    TenantContext tenant;

    @POST
    public Response create(@Valid @NotNull CreateContactRequest request) {
        ContactView contact = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/contacts/" + contact.id())).entity(contact).build();
    }

    @GET
    @Path("/{id}")
    public ContactView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    /** Newest first; paging as in docs/api-conventions.md. */
    @GET
    public Page<ContactView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }
}
