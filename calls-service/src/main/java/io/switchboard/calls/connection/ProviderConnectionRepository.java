package io.switchboard.calls.connection;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant, except {@link #tenantOf}, which returns nothing but the owner's id. */
@ApplicationScoped
public class ProviderConnectionRepository implements PanacheRepositoryBase<ProviderConnection, UUID> {

    public Optional<ProviderConnection> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<ProviderConnection> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }

    /**
     * The tenant owning a connection, whoever asks: a webhook knows only the connection id. Row-level security
     * hides the row from the service's role, so this goes through the migration owner's SECURITY DEFINER function
     * (V3), which returns the tenant id alone.
     */
    public Optional<UUID> tenantOf(UUID connectionId) {
        Object tenant = getEntityManager().createNativeQuery("SELECT switchboard_connection_tenant(?1)")
                .setParameter(1, connectionId).getSingleResult();
        return Optional.ofNullable(tenant == null ? null : (UUID) tenant);
    }

    /** (connection id, tenant id) of up to {@code max} connections with a secret under another key than {@code keyId}. */
    @SuppressWarnings("unchecked")
    public List<Object[]> toRekey(String keyId, int max) {
        return getEntityManager().createNativeQuery("SELECT connection_id, connection_tenant FROM switchboard_connections_to_rekey(?1, ?2)")
                .setParameter(1, keyId).setParameter(2, max).getResultList();
    }

    /** Whether any agent of the tenant is reached through this connection (agent.connection_id references it). */
    public boolean usedByAgents(UUID tenantId, UUID connectionId) {
        return !getEntityManager().createNativeQuery("SELECT 1 FROM agent WHERE tenant_id = ?1 AND connection_id = ?2 LIMIT 1")
                .setParameter(1, tenantId).setParameter(2, connectionId).getResultList().isEmpty();
    }
}
