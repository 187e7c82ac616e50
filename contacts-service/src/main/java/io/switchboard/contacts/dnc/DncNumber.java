package io.switchboard.contacts.dnc;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One number on one DNC list. Written in batches by {@link DncNumberRepository}; read through this entity. */
@Entity
@Table(name = "dnc_number")
public class DncNumber {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "list_id", nullable = false, updatable = false)
    public UUID listId;

    @Column(nullable = false)
    public String phone;

    public String reason;

    @Column(nullable = false)
    public String source;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;
}
