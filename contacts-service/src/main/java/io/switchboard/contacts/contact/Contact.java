package io.switchboard.contacts.contact;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "contact")
public class Contact {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String phone;

    @Column(name = "first_name")
    public String firstName;

    @Column(name = "last_name")
    public String lastName;

    public String email;

    @Column(name = "time_zone")
    public String timeZone;

    /** The zones the dialer must honour (all candidates when the number alone is ambiguous); see V3__contact_fields.sql. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "time_zones", nullable = false)
    public List<String> timeZones = new ArrayList<>();

    /** {@code explicit|number|tenant_default}, or null when no zone could be found. */
    @Column(name = "time_zone_source")
    public String timeZoneSource;

    @Column(name = "alternate_phone")
    public String alternatePhone;

    public String company;

    public String address;

    public String city;

    public String state;

    @Column(name = "postal_code")
    public String postalCode;

    public String country;

    public String notes;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags = new ArrayList<>();

    @Column(name = "business_context")
    public String businessContext;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "custom_fields", nullable = false)
    public Map<String, Object> customFields = new LinkedHashMap<>();

    @Column(name = "is_customer", nullable = false)
    public boolean customer;

    @Column(name = "not_connected_count", nullable = false)
    public int notConnectedCount;

    @Column(name = "busy_count", nullable = false)
    public int busyCount;

    @Column(name = "no_answer_count", nullable = false)
    public int noAnswerCount;

    @Column(name = "last_contact_at")
    public OffsetDateTime lastContactAt;

    /** {@code manual|api|import|webhook}. */
    @Column(nullable = false)
    public String source = "api";

    @Column(name = "source_import_id")
    public UUID sourceImportId;

    @Column(name = "source_call_id")
    public UUID sourceCallId;

    /**
     * The primary contact this one possibly duplicates (an import with policy keep_both made it for a phone that
     * already had a contact), or null for the phone's primary. Written only with SQL ({@link Duplicates}, the import).
     */
    @Column(name = "duplicate_of", insertable = false, updatable = false)
    public UUID duplicateOf;

    /** {@code lower(coalesce(last_name, ''))} as PostgreSQL computes it (generated, V4): the lastName sort key. */
    @Column(name = "last_name_key", insertable = false, updatable = false)
    public String lastNameKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
