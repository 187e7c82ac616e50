package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The seconds each completed call contributes to its tenant-day counters ({@code call_minutes}, issue 12): counted
 * once per call, and corrected by the difference when the provider's final duration arrives later.
 */
@ApplicationScoped
public class CallMinutes {

    @Inject
    EntityManager em;

    @Inject
    TenantDailyAnalyticsRepository analytics;

    /** A call completed: counts it on {@code day} unless it was counted before (another event for the same call). */
    public boolean complete(UUID tenantId, UUID callId, LocalDate day, long durationSeconds) {
        boolean first = em.createNativeQuery("""
                INSERT INTO call_minutes (tenant_id, call_id, day, duration_seconds) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, call_id) DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, callId).setParameter(3, day).setParameter(4, durationSeconds)
                .executeUpdate() == 1;
        if (first) {
            analytics.add(tenantId, day, 0, 1, durationSeconds);
        }
        return first;
    }

    /**
     * A completed call's duration is now {@code durationSeconds}: adds the difference to what its day holds for it.
     * A call counted before this table existed counts as {@code previousDurationSeconds} on {@code endedDay}.
     *
     * @return the seconds added (0 when the call already had that duration)
     */
    public long correct(UUID tenantId, UUID callId, LocalDate endedDay, long durationSeconds, long previousDurationSeconds) {
        List<?> rows = em.createNativeQuery("""
                SELECT day, duration_seconds FROM call_minutes WHERE tenant_id = ?1 AND call_id = ?2 FOR UPDATE""")
                .setParameter(1, tenantId).setParameter(2, callId).getResultList();
        LocalDate day = endedDay;
        long counted = previousDurationSeconds;
        if (!rows.isEmpty()) {
            Object[] row = (Object[]) rows.get(0);
            day = row[0] instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) row[0];
            counted = ((Number) row[1]).longValue();
        }
        long difference = durationSeconds - counted;
        em.createNativeQuery("""
                INSERT INTO call_minutes (tenant_id, call_id, day, duration_seconds) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, call_id) DO UPDATE SET duration_seconds = EXCLUDED.duration_seconds, updated_at = now()""")
                .setParameter(1, tenantId).setParameter(2, callId).setParameter(3, day).setParameter(4, durationSeconds)
                .executeUpdate();
        if (difference != 0) {
            analytics.add(tenantId, day, 0, 0, difference);
        }
        return difference;
    }
}
