package io.switchboard.contacts.contact;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;
import io.switchboard.platform.problem.ProblemException;

/** Every query takes the tenant: there is no way to load a contact without saying whose it is. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    /** The tenant's contact, or 404: what every endpoint nested under {@code /contacts/{contactId}} checks first. */
    public Contact require(UUID tenantId, UUID id) {
        return findForTenant(tenantId, id).orElseThrow(() -> ProblemException.notFound("contact", id));
    }

    public Optional<Contact> findByPhone(UUID tenantId, String e164) {
        return find("tenantId = ?1 and phone = ?2", tenantId, e164).firstResultOptional();
    }

    /** Newest first, after the page's cursor; one row more than the limit (see {@link PageRequest#fetchSize()}). */
    public List<Contact> listForTenant(UUID tenantId, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", OffsetDateTime.class);
        return find("tenantId = :tenantId" + keyset.and() + keyset.orderBy(), keyset.params(Map.of("tenantId", tenantId)))
                .range(0, page.fetchSize() - 1).list();
    }
}
