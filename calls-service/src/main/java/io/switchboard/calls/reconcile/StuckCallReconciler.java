package io.switchboard.calls.reconcile;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.calls.call.Call;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Stuck calls: a non-terminal call with no event for {@code switchboard.calls.reconcile.after} is asked about at its
 * provider where its connection has an API key ({@link ProviderCallLookup}), and otherwise failed with reason
 * {@value #NO_FINAL_EVENT}. A lookup that fails or finds the call still going leaves it for the next round, until it
 * has been quiet for {@code give-up-after}: then it is failed anyway. Each call is handled under its own tenant in
 * its own transactions; a replica claims a call with {@code FOR UPDATE SKIP LOCKED}, and applying twice changes nothing
 * (the provider's event is deduplicated by its identity, a terminal call is never failed again).
 */
@ApplicationScoped
public class StuckCallReconciler {

    private static final Logger LOG = Logger.getLogger(StuckCallReconciler.class);
    public static final String NO_FINAL_EVENT = "no_final_event";
    private static final String OPEN = "status IN ('queued', 'initiated', 'ringing', 'in_progress')";

    /** What a round did with the calls it looked at. */
    public record Round(int reconciled, int failed, int leftOpen) {
    }

    private enum Outcome { RECONCILED, FAILED, LEFT_OPEN, SKIPPED }

    /** A call claimed for this round, with what the lookup needs (read under the call's tenant). */
    private record Claim(UUID tenantId, UUID callId, String providerCallId, Instant lastActivity,
            ConnectionCredentials connection, boolean keyUnreadable) {
    }

    private final EntityManager em;
    private final CallModel model;
    private final ConnectionService connections;
    private final ProviderCallLookup lookup;
    private final Duration after;
    private final Duration giveUpAfter;
    private final int batchSize;

    public StuckCallReconciler(EntityManager em, CallModel model, ConnectionService connections, ProviderCallLookup lookup,
            @ConfigProperty(name = "switchboard.calls.reconcile.after", defaultValue = "30m") Duration after,
            @ConfigProperty(name = "switchboard.calls.reconcile.give-up-after", defaultValue = "6h") Duration giveUpAfter,
            @ConfigProperty(name = "switchboard.calls.reconcile.batch-size", defaultValue = "100") int batchSize) {
        this.em = em;
        this.model = model;
        this.connections = connections;
        this.lookup = lookup;
        this.after = after;
        this.giveUpAfter = giveUpAfter;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${switchboard.calls.reconcile.every:1m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Round round = reconcile(Instant.now());
        if (round.reconciled() + round.failed() + round.leftOpen() > 0) {
            LOG.infof("stuck-call round reconciled=%d failed=%d left_open=%d", round.reconciled(), round.failed(),
                    round.leftOpen());
        }
    }

    /** One round over every tenant's stuck calls, as of {@code now}. */
    public Round reconcile(Instant now) {
        OffsetDateTime start = utc(now);
        OffsetDateTime staleBefore = utc(now.minus(after));
        Set<UUID> seen = new HashSet<>();
        int reconciled = 0;
        int failed = 0;
        int leftOpen = 0;
        while (true) {
            List<Object[]> batch = QuarkusTransaction.requiringNew().call(() -> stale(staleBefore, start));
            boolean progress = false;
            for (Object[] row : batch) {
                UUID tenant = (UUID) row[0];
                UUID call = (UUID) row[1];
                if (!seen.add(call)) {
                    continue; // claimed by another replica this round, or left as it was: not again
                }
                progress = true;
                switch (handle(tenant, call, now)) {
                    case RECONCILED -> reconciled++;
                    case FAILED -> failed++;
                    case LEFT_OPEN -> leftOpen++;
                    case SKIPPED -> { }
                }
            }
            if (batch.size() < batchSize || !progress) {
                return new Round(reconciled, failed, leftOpen);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> stale(OffsetDateTime staleBefore, OffsetDateTime checkedBefore) {
        return em.createNativeQuery("SELECT call_tenant, stale_call FROM switchboard_stale_calls(?1, ?2, ?3)")
                .setParameter(1, staleBefore).setParameter(2, checkedBefore).setParameter(3, batchSize).getResultList();
    }

    private Outcome handle(UUID tenant, UUID callId, Instant now) {
        try {
            return TenantScope.call(tenant, () -> {
                Optional<Claim> claim = QuarkusTransaction.requiringNew().call(() -> claim(tenant, callId, now));
                if (claim.isEmpty()) {
                    return Outcome.SKIPPED;
                }
                return settle(claim.get(), now);
            });
        } catch (RuntimeException e) {
            // one call's trouble never stops the round: it stays open and is tried again next round
            LOG.warnf("stuck call not reconciled tenant=%s call=%s: %s", tenant, callId, e.toString());
            return Outcome.LEFT_OPEN;
        }
    }

    /** Locks the call if it is still open, stale and not being handled by another replica, and marks it checked. */
    private Optional<Claim> claim(UUID tenant, UUID callId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT provider_call_id, connection_id, coalesce(last_event_at, created_at)"
                        + " FROM call WHERE tenant_id = ?1 AND id = ?2 AND " + OPEN
                        + " AND coalesce(last_event_at, created_at) < ?3 AND (reconcile_checked_at IS NULL OR reconcile_checked_at < ?4)"
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, tenant).setParameter(2, callId).setParameter(3, utc(now.minus(after)))
                .setParameter(4, utc(now)).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        em.createNativeQuery("UPDATE call SET reconcile_checked_at = ?3 WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenant).setParameter(2, callId).setParameter(3, utc(now)).executeUpdate();
        Object[] row = rows.get(0);
        UUID connectionId = (UUID) row[1];
        ConnectionCredentials connection = null;
        boolean keyUnreadable = false;
        try {
            connection = connectionId == null ? null : connections.credentials(tenant, connectionId).orElse(null);
        } catch (IllegalStateException e) {
            // a secret under a key no longer configured: our trouble, not the call's; treated as a failed lookup
            LOG.warnf("stuck call connection secrets unreadable tenant=%s call=%s connection=%s: %s", tenant, callId,
                    connectionId, e.getMessage());
            keyUnreadable = true;
        }
        return Optional.of(new Claim(tenant, callId, (String) row[0], instant(row[2]), connection, keyUnreadable));
    }

    /** Outside any transaction: the provider is asked without holding the call's lock. */
    private Outcome settle(Claim claim, Instant now) {
        ConnectionCredentials connection = claim.connection();
        boolean askable = connection != null && connection.enabled() && connection.apiKey() != null
                && claim.providerCallId() != null;
        if (claim.keyUnreadable() && claim.lastActivity().isAfter(now.minus(giveUpAfter))) {
            return Outcome.LEFT_OPEN;
        }
        if (askable) {
            try {
                Optional<NormalizedEvent> answer = lookup.finalEvent(connection, claim.providerCallId(), now);
                if (answer.isPresent()) {
                    NormalizedEvent reconciled = answer.get().toBuilder().eventType("reconciled").build();
                    QuarkusTransaction.requiringNew().run(() -> model.applyProviderEvent(claim.tenantId(), connection.id(),
                            reconciled, now));
                    LOG.infof("stuck call reconciled from provider tenant=%s call=%s provider=%s status=%s",
                            claim.tenantId(), claim.callId(), connection.provider().wire(), reconciled.status().wire());
                    return Outcome.RECONCILED;
                }
                LOG.infof("stuck call still open at provider tenant=%s call=%s provider=%s", claim.tenantId(),
                        claim.callId(), connection.provider().wire());
            } catch (ProviderCallLookup.LookupFailed e) {
                LOG.warnf("stuck call lookup failed tenant=%s call=%s provider=%s: %s", claim.tenantId(), claim.callId(),
                        connection.provider().wire(), e.getMessage());
            }
            if (claim.lastActivity().isAfter(now.minus(giveUpAfter))) {
                return Outcome.LEFT_OPEN;
            }
        }
        boolean failed = QuarkusTransaction.requiringNew().call(() -> fail(claim, now));
        return failed ? Outcome.FAILED : Outcome.SKIPPED;
    }

    /** Fails the call unless an event arrived since it was claimed (markFailed itself leaves a terminal call alone). */
    private boolean fail(Claim claim, Instant now) {
        Call call = em.find(Call.class, claim.callId());
        em.lock(call, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        em.refresh(call);
        Instant activity = call.lastEventAt == null ? claim.lastActivity() : call.lastEventAt.toInstant();
        if (call.status.terminal() || activity.isAfter(claim.lastActivity())) {
            return false;
        }
        model.markFailed(call, NO_FINAL_EVENT, now);
        return true;
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime odt ? odt.toInstant()
                : value instanceof java.sql.Timestamp ts ? ts.toInstant() : (Instant) value;
    }
}
