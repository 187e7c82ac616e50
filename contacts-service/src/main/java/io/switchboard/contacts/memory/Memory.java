package io.switchboard.contacts.memory;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A fact about a contact (V6__memories_and_consent.sql). */
@Entity
@Table(name = "memory")
public class Memory {

    public static final String MANUAL = "manual";
    public static final String AUTO = "auto";

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    /** {@code manual|auto}. */
    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String content;

    /** The analysed call an auto memory came from. */
    @Column(name = "call_id")
    public UUID callId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
