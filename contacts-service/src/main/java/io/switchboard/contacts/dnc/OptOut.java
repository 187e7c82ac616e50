package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number's opt-out of one channel; see V9__opt_outs_and_dnc.sql. */
@Entity
@Table(name = "opt_out")
public class OptOut {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String phone;

    @Column(nullable = false)
    public String channel;

    public String reason;

    @Column(nullable = false)
    public String source;

    @Column(name = "contact_id")
    public UUID contactId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
