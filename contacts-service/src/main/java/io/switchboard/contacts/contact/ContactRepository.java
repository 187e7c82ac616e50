package io.switchboard.contacts.contact;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/** Every query takes the tenant: there is no way to load a contact without saying whose it is. */
@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public Optional<Contact> findForTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResultOptional();
    }

    public Optional<Contact> findByPhone(UUID tenantId, String e164) {
        return find("tenantId = ?1 and phone = ?2", tenantId, e164).firstResultOptional();
    }

    public List<Contact> listForTenant(UUID tenantId, int page, int size) {
        return find("tenantId", Sort.descending("createdAt", "id"), tenantId).page(Page.of(page, size)).list();
    }
}
