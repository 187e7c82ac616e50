package io.switchboard.calls.call;

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

@Path("/api/v1/calls")
@Tag(name = "Calls")
public class CallResource {

    @Inject
    CallService service;

    @Inject
    TenantContext tenant;

    @POST
    public Response create(@Valid @NotNull CreateCallRequest request) {
        CallView call = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/calls/" + call.id())).entity(call).build();
    }

    @GET
    @Path("/{id}")
    public CallView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    /** Newest first; paging as in docs/api-conventions.md. */
    @GET
    public Page<CallView> list(@Valid @BeanParam PageRequest page) {
        return service.list(tenant.require(), page);
    }
}
