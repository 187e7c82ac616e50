package io.switchboard.calls.agent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant. */
@ApplicationScoped
public class AgentRepository implements PanacheRepositoryBase<Agent, UUID> {

    public Optional<Agent> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public List<Agent> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }

    /** The agent a call names by its provider id, within the connection the call came through. */
    public Optional<Agent> byProviderAgentId(UUID tenantId, UUID connectionId, String providerAgentId) {
        return find("tenantId = ?1 and connectionId = ?2 and providerAgentId = ?3", tenantId, connectionId, providerAgentId)
                .firstResultOptional();
    }

    public boolean anyOnConnection(UUID tenantId, UUID connectionId) {
        return count("tenantId = ?1 and connectionId = ?2", tenantId, connectionId) > 0;
    }
}
