package io.switchboard.campaigns.dispatch;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

/** Every query takes the tenant. Newest first, keyset-paged (docs/api-conventions.md). */
@ApplicationScoped
public class DialDecisionRepository implements PanacheRepositoryBase<DialDecision, UUID> {

    public List<DialDecision> forQueueItem(UUID tenant, UUID queueItemId, PageRequest page) {
        return page("tenantId = :tenantId and queueItemId = :item", Map.of("tenantId", tenant, "item", queueItemId), page);
    }

    public List<DialDecision> forTenant(UUID tenant, UUID callId, PageRequest page) {
        Map<String, Object> params = new HashMap<>(Map.of("tenantId", tenant));
        String where = "tenantId = :tenantId";
        if (callId != null) {
            where += " and callId = :callId";
            params.put("callId", callId);
        }
        return page(where, params, page);
    }

    private List<DialDecision> page(String where, Map<String, Object> params, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "decidedAt", "id", OffsetDateTime.class);
        return find(where + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }
}
