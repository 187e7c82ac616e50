package io.switchboard.platform.tenant;

/**
 * A bean that keeps work of the current transaction for one tenant and writes it later: when one transaction applies
 * several tenants' events (the inbox's batches, platform {@code inbox/IdempotentConsumer}), row-level security is
 * switched from one tenant to the next inside it. The inbox calls each such bean just before every switch and once
 * more when the transaction's last records are applied (a one-record transaction included), each time while the tenant
 * whose work ends is still the connection's and the current {@link TenantScope}, before the commit: what the bean kept
 * is written under the right tenant, through Hibernate or plain SQL. Implement it as a CDI bean.
 */
public interface BeforeTenantSwitch {

    /** Writes whatever this transaction kept for the tenant whose work in it ends now. */
    void beforeTenantSwitch();
}
