package io.switchboard.platform.tenant;

/**
 * A bean that keeps work of the current transaction for one tenant and writes it later (before the commit, say):
 * when one transaction applies several tenants' events (the inbox's batches, platform {@code inbox/IdempotentConsumer}),
 * row-level security is switched from one tenant to the next inside it, and each such bean is called just before, so
 * what it kept is written while its tenant is still the connection's. Implement it as a CDI bean.
 */
public interface BeforeTenantSwitch {

    /** Writes whatever this transaction kept for the tenant that is about to stop being the current one. */
    void beforeTenantSwitch();
}
