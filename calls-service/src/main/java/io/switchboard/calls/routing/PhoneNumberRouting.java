package io.switchboard.calls.routing;

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

/** A number's routing schedule (table {@code phone_number_routing}, V11); one row per number, absent = no schedule. */
@Entity
@Table(name = "phone_number_routing")
public class PhoneNumberRouting {

    @Id
    @Column(name = "phone_number_id")
    public UUID phoneNumberId;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "team_number")
    public String teamNumber;

    @Column(name = "ring_timeout_seconds", nullable = false)
    public int ringTimeoutSeconds;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "weekly_hours", nullable = false)
    public List<WeeklyHours> weeklyHours = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<Holiday> holidays = new ArrayList<>();

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;

    RoutingSchedule schedule() {
        return new RoutingSchedule(teamNumber, ringTimeoutSeconds, List.copyOf(weeklyHours), List.copyOf(holidays));
    }
}
