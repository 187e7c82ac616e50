package io.switchboard.calls.number;

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
public class PhoneNumberRepository implements PanacheRepositoryBase<PhoneNumber, UUID> {

    public Optional<PhoneNumber> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The number an inbound call came in on (served by the (tenant_id, e164) unique index). */
    public Optional<PhoneNumber> findByE164(UUID tenantId, String e164) {
        return find("tenantId = ?1 and e164 = ?2", tenantId, e164).firstResultOptional();
    }

    /** Newest first, after the page's cursor; one row more than the limit. */
    public List<PhoneNumber> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
