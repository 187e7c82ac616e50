package io.switchboard.calls.number;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One of a tenant's phone numbers: where inbound calls arrive and the caller id outbound calls present (V8). */
@Entity
@Table(name = "phone_number")
public class PhoneNumber {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    /** E.164, unique per tenant. */
    @Column(nullable = false)
    public String e164;

    @Column(name = "friendly_name")
    public String friendlyName;

    /** ISO 3166-1 alpha-2. */
    public String country;

    /** Any of {@code voice}, {@code sms}, {@code mms}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> capabilities = new ArrayList<>(List.of("voice"));

    @Column(name = "connection_id")
    public UUID connectionId;

    /** The provider's id for the number (Twilio PN…, VAPI phoneNumberId, ElevenLabs agent_phone_number_id). */
    @Column(name = "provider_sid")
    public String providerSid;

    @Column(name = "agent_id")
    public UUID agentId;

    @Column(nullable = false)
    public boolean active = true;

    /** IANA zone the number's routing schedule is read in. */
    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
