package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.platform.time.DatabaseTime;

/** The tenant's dialer right now: live calls, slots, queue depth, dial rate and skip reasons (docs/dispatcher.md). */
@ApplicationScoped
public class LiveOperations {

    static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    static final Duration SKIP_WINDOW = Duration.ofMinutes(15);

    public record CampaignSlots(UUID campaignId, int activeCalls, Integer maxConcurrentCalls) {
    }

    public record Live(int activeCalls, int tenantLimit, int directCalls, List<CampaignSlots> campaigns,
            Map<String, Integer> queueDepth, int dueNow, int dialsLastMinute, double dialsPerSecond,
            Map<String, Integer> skipReasonsLast15Minutes, OffsetDateTime at) {
    }

    private final EntityManager em;
    private final DialerSettings settings;

    public LiveOperations(EntityManager em, DialerSettings settings) {
        this.em = em;
        this.settings = settings;
    }

    /** Call inside a transaction under the tenant's context. */
    public Live now(UUID tenant) {
        OffsetDateTime at = DatabaseTime.now();
        Instant now = at.toInstant();
        int direct = 0;
        int active = 0;
        List<CampaignSlots> campaigns = new java.util.ArrayList<>();
        for (Object[] r : rows("""
                SELECT a.campaign_id, count(*), c.max_concurrent_calls FROM active_call a
                LEFT JOIN campaign c ON c.id = a.campaign_id AND c.tenant_id = a.tenant_id
                WHERE a.tenant_id = ?1 GROUP BY a.campaign_id, c.max_concurrent_calls ORDER BY a.campaign_id""", tenant)) {
            int n = DbValues.count(r[1]);
            active += n;
            if (r[0] == null) {
                direct = n;
            } else {
                campaigns.add(new CampaignSlots((UUID) r[0], n, r[2] == null ? null : DbValues.count(r[2])));
            }
        }
        Map<String, Integer> depth = new LinkedHashMap<>();
        rows("SELECT status, count(*) FROM call_queue WHERE tenant_id = ?1 GROUP BY status ORDER BY status", tenant)
                .forEach(r -> depth.put((String) r[0], DbValues.count(r[1])));
        int due = DbValues.count(rows("""
                SELECT count(*), 1 FROM call_queue WHERE tenant_id = ?1 AND status = 'pending' AND scheduled_for <= ?2""",
                tenant, DbValues.utc(now)).get(0)[0]);
        int dials = DbValues.count(rows("""
                SELECT count(*), 1 FROM dial_decision WHERE tenant_id = ?1 AND outcome = 'dialed' AND decided_at > ?2""",
                tenant, DbValues.utc(now.minus(RATE_WINDOW))).get(0)[0]);
        Map<String, Integer> skips = new LinkedHashMap<>();
        rows("""
                SELECT skip_reason, count(*) FROM dial_decision WHERE tenant_id = ?1 AND outcome = 'skipped'
                  AND decided_at > ?2 GROUP BY skip_reason ORDER BY count(*) DESC, skip_reason""",
                tenant, DbValues.utc(now.minus(SKIP_WINDOW))).forEach(r -> skips.put((String) r[0], DbValues.count(r[1])));
        return new Live(active, settings.limit(tenant), direct, campaigns, depth, due, dials,
                dials / (double) RATE_WINDOW.toSeconds(), skips, at);
    }

    /** A snapshot now and every {@code every} after, for {@code duration}; then the stream ends (clients reconnect). */
    public Multi<Live> stream(UUID tenant, Duration every, Duration duration) {
        long count = Math.max(1, duration.toMillis() / every.toMillis());
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> load(tenant)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .withDelay(every)
                .atMost(count);
    }

    private Live load(UUID tenant) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> now(tenant)));
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object... params) {
        var query = em.createNativeQuery(sql);
        for (int i = 0; i < params.length; i++) {
            query.setParameter(i + 1, params[i]);
        }
        return query.getResultList();
    }
}
