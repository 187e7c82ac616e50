package io.switchboard.calls.delivery;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    public Optional<WebhookDelivery> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** Newest first; each filter optional; served by the (tenant, received) and (tenant, connection, received) indexes. */
    public List<WebhookDelivery> listForTenant(UUID tenantId, DeliveryFilter filter, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "receivedAt", "id", OffsetDateTime.class);
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        if (filter.connectionId() != null) {
            query.append(" and connectionId = :connectionId");
            params.put("connectionId", filter.connectionId());
        }
        if (filter.result() != null) {
            query.append(" and result = :result");
            params.put("result", filter.result().wire());
        }
        if (filter.from() != null) {
            query.append(" and receivedAt >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            query.append(" and receivedAt < :to");
            params.put("to", filter.to());
        }
        return find(query + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }

    /** Deletes up to {@code max} entries of every tenant received before {@code cutOff} (V4's SECURITY DEFINER function). */
    public int purge(OffsetDateTime cutOff, int max) {
        return ((Number) getEntityManager().createNativeQuery("SELECT switchboard_purge_webhook_deliveries(?1, ?2)")
                .setParameter(1, cutOff).setParameter(2, max).getSingleResult()).intValue();
    }
}
