package io.switchboard.contacts.settings;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ContactSettingsRepository implements PanacheRepositoryBase<ContactSettings, UUID> {

    /** The tenant's settings, or the defaults (not persisted) when it has never saved any. */
    public ContactSettings forTenant(UUID tenantId) {
        ContactSettings found = findById(tenantId);
        return found != null ? found : ContactSettings.defaults(tenantId);
    }
}
