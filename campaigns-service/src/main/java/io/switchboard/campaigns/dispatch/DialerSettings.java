package io.switchboard.campaigns.dispatch;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.jboss.logging.Logger;

import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.platform.time.DatabaseTime;

/** The tenant's concurrent-call limit (table dialer_setting); {@code switchboard.dialer.default-tenant-limit} when unset. */
@ApplicationScoped
@Transactional
public class DialerSettings {

    private static final Logger LOG = Logger.getLogger(DialerSettings.class);

    public record View(int maxConcurrentCalls, boolean isDefault, OffsetDateTime updatedAt) {
    }

    public record Request(@NotNull @Min(1) @Max(10000) Integer maxConcurrentCalls) {
    }

    private final EntityManager em;
    private final DispatcherConfig config;

    public DialerSettings(EntityManager em, DispatcherConfig config) {
        this.em = em;
        this.config = config;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public View get(UUID tenant) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT max_concurrent_calls, updated_at FROM dialer_setting WHERE tenant_id = ?1")
                .setParameter(1, tenant).getResultList();
        if (rows.isEmpty()) {
            return new View(config.defaultTenantLimit(), true, null);
        }
        return new View(DbValues.count(rows.get(0)[0]), false, DbValues.utc(DbValues.instant(rows.get(0)[1])));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public int limit(UUID tenant) {
        return get(tenant).maxConcurrentCalls();
    }

    public View put(UUID tenant, Request request) {
        OffsetDateTime now = DatabaseTime.now();
        em.createNativeQuery("""
                INSERT INTO dialer_setting (tenant_id, max_concurrent_calls, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (tenant_id) DO UPDATE SET max_concurrent_calls = EXCLUDED.max_concurrent_calls,
                    updated_at = EXCLUDED.updated_at""")
                .setParameter(1, tenant).setParameter(2, request.maxConcurrentCalls()).setParameter(3, now).executeUpdate();
        LOG.infof("dialer settings saved tenant=%s max_concurrent_calls=%d", tenant, request.maxConcurrentCalls());
        return new View(request.maxConcurrentCalls(), false, now);
    }
}
