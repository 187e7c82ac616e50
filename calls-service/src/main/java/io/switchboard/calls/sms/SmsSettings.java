package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant's post-call SMS settings (table {@code sms_settings}, V10); no row means the defaults. */
@Entity
@Table(name = "sms_settings")
public class SmsSettings {

    @Id
    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "sms_enabled", nullable = false)
    public boolean smsEnabled = true;

    @Column(name = "sms_skip_silent", nullable = false)
    public boolean smsSkipSilent = true;

    @Column(name = "default_template_id")
    public UUID defaultTemplateId;

    @Column(name = "connection_id")
    public UUID connectionId;

    @Column(name = "from_number")
    public String fromNumber;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
