package io.switchboard.analytics.tenant;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TenantDailyAnalyticsRepository implements PanacheRepositoryBase<TenantDailyAnalytics, TenantDailyAnalytics.Key> {

    /** Adds to one tenant-day's counters atomically (concurrent consumers cannot lose an increment). */
    public void add(UUID tenantId, LocalDate day, long created, long completed, long durationSeconds) {
        getEntityManager().createNativeQuery("""
                INSERT INTO tenant_daily_analytics (tenant_id, day, calls_created, calls_completed, total_duration_seconds, updated_at)
                VALUES (?1, ?2, ?3, ?4, ?5, now())
                ON CONFLICT (tenant_id, day) DO UPDATE SET
                    calls_created = tenant_daily_analytics.calls_created + EXCLUDED.calls_created,
                    calls_completed = tenant_daily_analytics.calls_completed + EXCLUDED.calls_completed,
                    total_duration_seconds = tenant_daily_analytics.total_duration_seconds + EXCLUDED.total_duration_seconds,
                    updated_at = now()""")
                .setParameter(1, tenantId).setParameter(2, day).setParameter(3, created)
                .setParameter(4, completed).setParameter(5, durationSeconds)
                .executeUpdate();
    }

    public List<TenantDailyAnalytics> range(UUID tenantId, LocalDate from, LocalDate to) {
        return find("key.tenantId = ?1 and key.day >= ?2 and key.day <= ?3", Sort.ascending("key.day"), tenantId, from, to).list();
    }
}
