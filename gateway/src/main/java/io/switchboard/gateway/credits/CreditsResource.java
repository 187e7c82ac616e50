package io.switchboard.gateway.credits;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.tenant.TenantContext;

/** The caller's own tenant's credits: balance and ledger. The tenant comes from the verified token only. */
@Path("/api/v1/credits")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class CreditsResource {

    @Inject
    CreditService credits;

    @Inject
    TenantContext tenant;

    @GET
    public CreditBalance balance() {
        return credits.balance(tenant.require());
    }

    @GET
    @Path("/transactions")
    public TransactionPage transactions(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return credits.transactions(tenant.require(), page, size);
    }
}
