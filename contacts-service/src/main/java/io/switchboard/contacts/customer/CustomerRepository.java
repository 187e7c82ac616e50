package io.switchboard.contacts.customer;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

@ApplicationScoped
public class CustomerRepository implements PanacheRepositoryBase<Customer, UUID> {

    public List<Customer> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }

    public Optional<Customer> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** When the customer whose contact has this phone was marked do-not-contact, if it is (every channel). */
    public Optional<OffsetDateTime> doNotContactSince(UUID tenantId, String e164) {
        return find("tenantId = ?1 and doNotContact = true and contactId in (select c.id from Contact c where c.tenantId = ?1 and c.phone = ?2)",
                tenantId, e164).firstResultOptional().map(customer -> customer.profileUpdatedAt);
    }

    public Optional<Customer> findByContact(UUID tenantId, UUID contactId) {
        return find("tenantId = ?1 and contactId = ?2", tenantId, contactId).firstResultOptional();
    }

    /**
     * The tenant's next customer number. One upsert: concurrent conversions queue on the tenant's counter row
     * until the first commits, so no two get the same number (a rolled-back one leaves a gap).
     */
    public long nextReferenceNumber(UUID tenantId) {
        return ((Number) getEntityManager().createNativeQuery("""
                INSERT INTO customer_reference_counter (tenant_id, last_value) VALUES (?1, 1)
                ON CONFLICT (tenant_id) DO UPDATE SET last_value = customer_reference_counter.last_value + 1
                RETURNING last_value""")
                .setParameter(1, tenantId)
                .getSingleResult()).longValue();
    }
}
