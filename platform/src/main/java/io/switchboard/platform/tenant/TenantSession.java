package io.switchboard.platform.tenant;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Switches row-level security to another tenant for the rest of the current transaction only
 * ({@code set_config(..., is_local => true)}). For the rare flow that creates a tenant and its first
 * tenant-owned rows atomically (sign-up). Everything else gets its tenant from the request token or
 * {@link TenantScope} when the connection is acquired.
 */
@ApplicationScoped
public class TenantSession {

    @Inject
    EntityManager em;

    @Transactional(Transactional.TxType.MANDATORY)
    public void actAs(UUID tenantId) {
        em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)").setParameter(1, tenantId.toString())
                .getSingleResult();
    }
}
