package io.switchboard.calls.function;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant and the agent. */
@ApplicationScoped
public class FunctionRepository implements PanacheRepositoryBase<CustomFunction, UUID> {

    public Optional<CustomFunction> findForAgent(UUID tenantId, UUID agentId, UUID id) {
        return find("tenantId = ?1 and agentId = ?2 and id = ?3", tenantId, agentId, id).firstResultOptional();
    }

    public List<CustomFunction> listForAgent(UUID tenantId, UUID agentId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and agentId = :agentId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "agentId", agentId))).range(0, page.fetchSize() - 1).list();
    }
}
