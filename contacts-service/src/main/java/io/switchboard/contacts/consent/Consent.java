package io.switchboard.contacts.consent;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A contact's consent to be reached on a channel (V6__memories_and_consent.sql). */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "contact_id", nullable = false)
    public UUID contactId;

    /** {@code voice|sms|email}. */
    @Column(nullable = false)
    public String channel;

    /** {@code prior_express_written|prior_express|existing_relationship}. */
    @Column(name = "consent_type", nullable = false)
    public String type;

    public String source;

    @Column(name = "captured_at", nullable = false)
    public OffsetDateTime capturedAt;

    public String evidence;

    @Column(name = "expires_at")
    public OffsetDateTime expiresAt;

    @Column(name = "revoked_at")
    public OffsetDateTime revokedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    /** In force at {@code at}: captured by then, not expired, not revoked. */
    public boolean validAt(OffsetDateTime at) {
        return revokedAt == null && !capturedAt.isAfter(at) && (expiresAt == null || expiresAt.isAfter(at));
    }
}
