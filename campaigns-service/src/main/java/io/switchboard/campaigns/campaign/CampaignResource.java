package io.switchboard.campaigns.campaign;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.platform.tenant.TenantContext;

@Path("/api/v1/campaigns")
@Tag(name = "Campaigns")
public class CampaignResource {

    @Inject
    CampaignService service;

    @Inject
    TenantContext tenant;

    @POST
    public Response create(@Valid @NotNull CreateCampaignRequest request) {
        CampaignView campaign = service.create(tenant.require(), request);
        return Response.created(URI.create("/api/v1/campaigns/" + campaign.id())).entity(campaign).build();
    }

    @GET
    @Path("/{id}")
    public CampaignView get(@PathParam("id") UUID id) {
        return service.get(tenant.require(), id);
    }

    @GET
    public List<CampaignView> list(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        return service.list(tenant.require(), page, size);
    }
}
