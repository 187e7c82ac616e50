package io.switchboard.contacts.meeting;

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

/** Lists are ordered by start, latest first (the cursor carries starts_at and id). */
@ApplicationScoped
public class MeetingRepository implements PanacheRepositoryBase<Meeting, UUID> {

    public List<Meeting> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "startsAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and contactId = :contactId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "contactId", contactId)))
                .range(0, page.fetchSize() - 1).list();
    }

    /** Starting at or after {@code from} and before {@code to}, in {@code status}; each filter only if given. */
    public List<Meeting> list(UUID tenantId, OffsetDateTime from, OffsetDateTime to, String status, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "startsAt", "id", OffsetDateTime.class);
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        if (from != null) {
            query.append(" and startsAt >= :from");
            params.put("from", from);
        }
        if (to != null) {
            query.append(" and startsAt < :to");
            params.put("to", to);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.put("status", status);
        }
        return find(query + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }

    public Optional<Meeting> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
