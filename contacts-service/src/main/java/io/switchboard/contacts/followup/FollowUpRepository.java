package io.switchboard.contacts.followup;

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

/** Lists are ordered by due date, latest first (the cursor carries due_at and id). */
@ApplicationScoped
public class FollowUpRepository implements PanacheRepositoryBase<FollowUp, UUID> {

    public List<FollowUp> listForContact(UUID tenantId, UUID contactId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "dueAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId and contactId = :contactId" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("tenantId", tenantId, "contactId", contactId)))
                .range(0, page.fetchSize() - 1).list();
    }

    /** Across contacts: due strictly before {@code dueBefore} (if given), completed or not (if given). */
    public List<FollowUp> list(UUID tenantId, Optional<OffsetDateTime> dueBefore, Optional<Boolean> completed, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "dueAt", "id", OffsetDateTime.class);
        StringBuilder query = new StringBuilder("tenantId = :tenantId");
        Map<String, Object> params = new HashMap<>();
        params.put("tenantId", tenantId);
        dueBefore.ifPresent(before -> {
            query.append(" and dueAt < :dueBefore");
            params.put("dueBefore", before);
        });
        completed.ifPresent(done -> {
            query.append(" and completed = :completed");
            params.put("completed", done);
        });
        return find(query + keyset.and() + keyset.orderBy(), keyset.params(params)).range(0, page.fetchSize() - 1).list();
    }

    public Optional<FollowUp> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }
}
