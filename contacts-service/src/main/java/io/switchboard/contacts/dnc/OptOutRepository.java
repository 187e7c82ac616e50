package io.switchboard.contacts.dnc;

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
public class OptOutRepository implements PanacheRepositoryBase<OptOut, UUID> {

    public Optional<OptOut> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<OptOut> findByPhone(UUID tenantId, String phone, String channel) {
        return find("tenantId = ?1 and phone = ?2 and channel = ?3", tenantId, phone, channel).firstResultOptional();
    }

    /**
     * Inserts unless the number already opted out of this channel; race-proof (the unique constraint decides,
     * not a prior read), so the same opt-out sent twice at once is still one row. True when inserted.
     */
    public boolean insertIfAbsent(OptOut optOut) {
        return getEntityManager().createNativeQuery("""
                INSERT INTO opt_out (id, tenant_id, phone, channel, reason, source, contact_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                ON CONFLICT (tenant_id, phone, channel) DO NOTHING""")
                .setParameter(1, optOut.id).setParameter(2, optOut.tenantId).setParameter(3, optOut.phone)
                .setParameter(4, optOut.channel).setParameter(5, optOut.reason).setParameter(6, optOut.source)
                .setParameter(7, optOut.contactId).setParameter(8, optOut.createdAt)
                .executeUpdate() == 1;
    }

    /** Newest first, optionally one number and/or one channel. */
    public List<OptOut> list(UUID tenantId, String phone, String channel, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        if (phone != null) {
            query.append(" and phone = :phone");
            params.put("phone", phone);
        }
        if (channel != null) {
            query.append(" and channel = :channel");
            params.put("channel", channel);
        }
        return find(query + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }
}
