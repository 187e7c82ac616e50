package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

@Entity
@Table(name = "tenant_daily_analytics")
public class TenantDailyAnalytics {

    @Embeddable
    public record Key(@Column(name = "tenant_id") UUID tenantId, @Column(name = "day") LocalDate day) {
    }

    @EmbeddedId
    public Key key;

    @Column(name = "calls_created", nullable = false)
    public long callsCreated;

    @Column(name = "calls_completed", nullable = false)
    public long callsCompleted;

    @Column(name = "total_duration_seconds", nullable = false)
    public long totalDurationSeconds;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
