package io.switchboard.gateway.credits;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.switchboard.platform.paging.Page;
import io.switchboard.platform.paging.PageRequest;
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
    public Page<CreditTransaction> transactions(@Valid @BeanParam PageRequest page) {
        return credits.transactions(tenant.require(), page);
    }
}
