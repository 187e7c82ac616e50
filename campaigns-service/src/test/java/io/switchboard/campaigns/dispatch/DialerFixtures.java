package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.campaigns.compliance.ReplicaWatermark;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Campaigns and queue rows written straight to the tables (the campaign and queue APIs are another part of issue 11),
 * replica facts delivered as the events that feed them, and zones chosen so the window is open (or closed) right now.
 */
@ApplicationScoped
public class DialerFixtures {

    /** One region zone per UTC offset from -10 to +14: whatever the time, one of them reads 11:00–15:00. */
    private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
            "America/Denver", "America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo",
            "America/Noronha", "Atlantic/Cape_Verde", "UTC", "Africa/Lagos", "Africa/Cairo", "Europe/Moscow", "Asia/Dubai",
            "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
            "Pacific/Noumea", "Pacific/Fiji", "Pacific/Tongatapu", "Pacific/Kiritimati");

    @Inject
    EntityManager em;

    @Inject
    IdempotentConsumer consumer;

    @Inject
    ReplicaWatermark watermark;

    /** A zone whose local time is between {@code fromHour} and {@code toHour} now (and for the next half hour). */
    public static String zoneAt(int fromHour, int toHour) {
        Instant now = Instant.now();
        for (String id : ZONES) {
            LocalTime local = now.atZone(ZoneId.of(id)).toLocalTime();
            LocalTime later = now.plus(Duration.ofMinutes(30)).atZone(ZoneId.of(id)).toLocalTime();
            if (local.getHour() >= fromHour && later.getHour() < toHour && !later.isBefore(local)) {
                return id;
            }
        }
        throw new IllegalStateException("no zone at " + fromHour + "–" + toHour + " now");
    }

    public static String openZone() {
        return zoneAt(11, 16);
    }

    public static String closedZone() {
        return zoneAt(1, 5);
    }

    public static String phone() {
        return "+1415" + (1000000 + ThreadLocalRandom.current().nextInt(8999999));
    }

    /** An active campaign dialing 08:00–20:00 every day, recipient-local; {@code set} adjusts columns (SQL SET list). */
    public UUID campaign(UUID tenant, String set) {
        UUID id = UUID.randomUUID();
        run(tenant, () -> {
            em.createNativeQuery("""
                    INSERT INTO campaign (id, tenant_id, name, status, agent_id, calling_window_start, calling_window_end,
                        max_retries, allowed_weekdays, created_at, updated_at)
                    VALUES (?1, ?2, ?3, 'active', ?4, '08:00', '20:00', 2, '[1,2,3,4,5,6,7]', now(), now())""")
                    .setParameter(1, id).setParameter(2, tenant).setParameter(3, "c-" + id).setParameter(4, UUID.randomUUID())
                    .executeUpdate();
            if (set != null) {
                em.createNativeQuery("UPDATE campaign SET " + set + " WHERE id = ?1").setParameter(1, id).executeUpdate();
            }
        });
        return id;
    }

    /** A pending row due a minute ago ({@code campaign} null: a direct call); {@code set} adjusts columns. */
    public UUID item(UUID tenant, UUID campaign, String phone, String zone, String set) {
        UUID id = UUID.randomUUID();
        run(tenant, () -> {
            em.createNativeQuery("""
                    INSERT INTO call_queue (id, tenant_id, campaign_id, call_type, agent_id, phone, time_zones,
                        scheduled_for, created_at, updated_at)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8, now(), now())""")
                    .setParameter(1, id).setParameter(2, tenant).setParameter(3, campaign)
                    .setParameter(4, campaign == null ? "direct" : "campaign").setParameter(5, UUID.randomUUID())
                    .setParameter(6, phone).setParameter(7, "[\"" + zone + "\"]")
                    .setParameter(8, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)).executeUpdate();
            if (set != null) {
                em.createNativeQuery("UPDATE call_queue SET " + set + " WHERE id = ?1").setParameter(1, id).executeUpdate();
            }
        });
        return id;
    }

    public void sql(UUID tenant, String sql, Object... params) {
        run(tenant, () -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }

    public Object one(UUID tenant, String sql, Object... params) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            List<?> rows = q.getResultList();
            return rows.isEmpty() ? null : rows.get(0);
        }));
    }

    public long count(UUID tenant, String sql, Object... params) {
        return ((Number) one(tenant, sql, params)).longValue();
    }

    public String status(UUID tenant, UUID item) {
        return (String) one(tenant, "SELECT status FROM call_queue WHERE id = ?1", item);
    }

    public String skipReason(UUID tenant, UUID item) {
        return (String) one(tenant, "SELECT last_skip_reason FROM call_queue WHERE id = ?1", item);
    }

    public String dialRequestId(UUID tenant, UUID item) {
        return (String) one(tenant, "SELECT dial_request_id FROM call_queue WHERE id = ?1", item);
    }

    public long slots(UUID tenant) {
        return count(tenant, "SELECT count(*) FROM active_call WHERE tenant_id = ?1", tenant);
    }

    public long dialRequests(UUID tenant, UUID item) {
        return count(tenant, """
                SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_key = ?2
                  AND event_type = 'io.switchboard.dial.requested.v1'""", tenant, item.toString());
    }

    /** A tenant that may dial: a credit balance, as the credits context would have published it. */
    public UUID tenantWithCredits() {
        UUID tenant = UUID.randomUUID();
        deliver(tenant, EventCatalog.CREDITS_BALANCE_CHANGED,
                new CreditBalanceChangedV1(tenant.toString(), 1000, 1000, "adjustment", null, Instant.now()));
        return tenant;
    }

    public <T extends EventPayload> void deliver(UUID tenant, EventType<T> type, T payload) {
        consumer.consume(EventCodec.serialize(EventCodec.newEvent(type, "test", tenant, payload)));
    }

    public void awaitReplicasCurrent() {
        Awaitility.await().atMost(Duration.ofSeconds(90)).until(() -> watermark.current(Instant.now()));
    }

    private void run(UUID tenant, Runnable work) {
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(work);
            return null;
        });
    }
}
