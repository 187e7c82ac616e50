package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A tenant. Every tenant-owned row anywhere carries its id as {@code tenant_id}. */
@Entity
@Table(name = "organizations")
public class Organization {

    @Id
    public UUID id;

    public String slug;

    public String name;

    @Column(name = "time_zone")
    public String timeZone;

    public OrganizationStatus status;

    @Column(name = "rate_limit_per_minute")
    public Integer rateLimitPerMinute;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean isActive() {
        return status == OrganizationStatus.ACTIVE;
    }
}
