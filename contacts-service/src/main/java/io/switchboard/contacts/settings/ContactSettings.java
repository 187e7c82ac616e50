package io.switchboard.contacts.settings;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's settings for this context; a tenant without a row has {@link #defaults(UUID)}. */
@Entity
@Table(name = "contact_settings")
public class ContactSettings {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    /** ISO 3166-1 alpha-2; lets imports and the API accept national numbers. */
    @Column(name = "default_region")
    public String defaultRegion;

    /** IANA id; the last resort for a contact's dialing zone. */
    @Column(name = "default_time_zone")
    public String defaultTimeZone;

    @Column(name = "auto_create_contacts", nullable = false)
    public boolean autoCreateContacts = true;

    @Column(name = "save_memories", nullable = false)
    public boolean saveMemories = true;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    public static ContactSettings defaults(UUID tenantId) {
        ContactSettings settings = new ContactSettings();
        settings.tenantId = tenantId;
        return settings;
    }
}
