package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.campaigns.queue.CallQueueItem;
import io.switchboard.platform.tenant.TenantScope;

/**
 * The dispatch loop (docs/dispatcher.md "Claim algorithm"). Each round asks a SECURITY DEFINER function which tenants
 * have due rows (the one cross-tenant read; it returns ids only), then gives every such tenant, in rotating order, one
 * turn of at most {@code tenant-quantum} claims in its own transaction under its row-level security: a tenant with a
 * million due rows gets the same turn as one with ten. Up to {@code turn-concurrency} turns run at the same time (each
 * waits mostly for PostgreSQL). Several replicas run it side by side: rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} and carry this instance's lease owner id. The reaper re-publishes the same dial
 * request for an expired lease that has no call yet, and frees the slot of a call that never reported back.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final UUID BEFORE_ALL = new UUID(0, 0);
    /** Quarkus' scheduler checks its triggers once a second: a tick of the loop ends before the next one. */
    private static final Duration TICK = Duration.ofMillis(800);

    /** What one round did. */
    public record Round(int tenants, int dialed, int skipped) {
    }

    private final EntityManager em;
    private final DispatcherConfig config;
    private final TenantDispatch tenantDispatch;
    private final DispatchWriter writer;
    private final String owner;
    /** Runs a round's tenant turns, turn-concurrency at a time; created on first use. */
    private ExecutorService turnPool;
    /** Where the next round's tenant scan starts: rounds rotate through the tenants. */
    private volatile UUID cursor = BEFORE_ALL;

    public Dispatcher(EntityManager em, DispatcherConfig config, TenantDispatch tenantDispatch, DispatchWriter writer) {
        this.em = em;
        this.config = config;
        this.tenantDispatch = tenantDispatch;
        this.writer = writer;
        this.owner = config.instanceId().orElse("dispatcher-" + UUID.randomUUID().toString().substring(0, 8));
    }

    public String owner() {
        return owner;
    }

    /**
     * Quarkus' scheduler checks its triggers once a second, so a tick lasts up to 0.8 s: rounds follow each other at
     * once while they find work, and an idle loop polls every {@code switchboard.dialer.every} (0.2 s) until the tick
     * is over. A row that falls due therefore waits about that long for its claim, not up to a whole second.
     */
    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        long tickEnds = System.nanoTime() + TICK.toNanos();
        long idlePoll = config.every().toNanos();
        try {
            reap(Instant.now());
            while (true) {
                Round round = round(Instant::now);
                boolean idle = round.dialed() + round.skipped() == 0;
                // over before the next trigger (a still running tick would make the scheduler skip it), and the
                // reaper runs at every tick's start
                if (System.nanoTime() + (idle ? idlePoll : 0) >= tickEnds) {
                    return;
                }
                if (idle) {
                    Thread.sleep(Duration.ofNanos(idlePoll).toMillis());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
        } catch (RuntimeException e) {
            LOG.warnf("dispatch round failed: %s", e.toString());
        }
    }

    /** One turn for every tenant with due rows (up to tenants-per-round), every turn as of {@code now} (tests). */
    public Round round(Instant now) {
        return round(() -> now);
    }

    /**
     * One turn for every tenant with due rows (up to tenants-per-round), each timed by {@code clock} when it starts: a
     * turn's claims, leases and {@code notAfter} count from its own start, never from the round's (with the round's,
     * a round longer than dispatch-deadline published requests already past their notAfter).
     */
    Round round(Supplier<Instant> clock) {
        List<UUID> tenants = dueTenants(clock.get());
        List<Future<TenantDispatch.Turn>> turns = new ArrayList<>(tenants.size());
        for (UUID tenant : tenants) {
            // tenants are independent (their own rows, slots and transaction), so up to turn-concurrency turns overlap
            turns.add(turnPool().submit(() -> turn(tenant, clock)));
        }
        int dialed = 0;
        int skipped = 0;
        for (Future<TenantDispatch.Turn> turn : turns) {
            TenantDispatch.Turn done = awaitTurn(turn);
            dialed += done.dialed();
            skipped += done.skipped();
        }
        if (!tenants.isEmpty()) {
            cursor = tenants.get(tenants.size() - 1);
        }
        return new Round(tenants.size(), dialed, skipped);
    }

    private TenantDispatch.Turn turn(UUID tenant, Supplier<Instant> clock) {
        try {
            Instant now = clock.get();
            return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                    .call(() -> tenantDispatch.dispatch(tenant, now, owner)));
        } catch (RuntimeException e) {
            // one tenant's trouble never stops the others' turns
            LOG.warnf("dispatch turn failed tenant=%s: %s", tenant, e.toString());
            return TenantDispatch.Turn.NOTHING;
        }
    }

    private static TenantDispatch.Turn awaitTurn(Future<TenantDispatch.Turn> turn) {
        try {
            return turn.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down: the turns still running finish on their own
            return TenantDispatch.Turn.NOTHING;
        } catch (ExecutionException e) {
            LOG.warnf("dispatch turn failed: %s", e.getCause().toString());
            return TenantDispatch.Turn.NOTHING;
        }
    }

    private synchronized ExecutorService turnPool() {
        if (turnPool == null) {
            AtomicInteger n = new AtomicInteger();
            turnPool = Executors.newFixedThreadPool(Math.max(1, config.turnConcurrency()), r -> {
                Thread thread = new Thread(r, "dialer-turn-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return turnPool;
    }

    @PreDestroy
    synchronized void stopTurns() {
        if (turnPool != null) {
            turnPool.shutdown();
        }
    }

    /** From the cursor on, wrapping around once, so past tenants-per-round every tenant still gets its turn. */
    private List<UUID> dueTenants(Instant now) {
        int max = config.tenantsPerRound();
        List<UUID> tenants = new ArrayList<>(dueTenantsAfter(cursor, now, max));
        if (tenants.size() < max && !cursor.equals(BEFORE_ALL)) {
            for (UUID t : dueTenantsAfter(BEFORE_ALL, now, max - tenants.size())) {
                if (!tenants.contains(t)) {
                    tenants.add(t);
                }
            }
        }
        return tenants;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> dueTenantsAfter(UUID after, Instant now, int max) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT due_tenant FROM switchboard_dialer_due_tenants(?1, ?2, ?3)")
                .setParameter(1, DbValues.utc(now)).setParameter(2, max).setParameter(3, after).getResultList());
    }

    /** Expired slots: re-publish a request that got no call yet; release a slot whose call never reported back. */
    public int reap(Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> expired = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT slot_dial_request_id, slot_tenant FROM switchboard_dialer_expired_slots(?1, ?2)")
                .setParameter(1, DbValues.utc(now)).setParameter(2, 500).getResultList());
        int handled = 0;
        for (Object[] slot : expired) {
            String dialRequestId = (String) slot[0];
            UUID tenant = (UUID) slot[1];
            try {
                boolean done = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                        .call(() -> reapOne(tenant, dialRequestId, now)));
                handled += done ? 1 : 0;
            } catch (RuntimeException e) {
                LOG.warnf("lease reaper failed tenant=%s dial_request=%s: %s", tenant, dialRequestId, e.toString());
            }
        }
        return handled;
    }

    private boolean reapOne(UUID tenant, String dialRequestId, Instant now) {
        @SuppressWarnings("unchecked")
        List<Object[]> slots = em.createNativeQuery("""
                SELECT queue_item_id, call_id FROM active_call WHERE tenant_id = ?1 AND dial_request_id = ?2
                  AND expires_at <= ?3 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, tenant).setParameter(2, dialRequestId).setParameter(3, DbValues.utc(now)).getResultList();
        if (slots.isEmpty()) {
            return false; // released meanwhile, or another replica has it
        }
        UUID queueItemId = (UUID) slots.get(0)[0];
        Object callId = slots.get(0)[1];
        if (callId == null) {
            @SuppressWarnings("unchecked")
            List<CallQueueItem> rows = em.createNativeQuery("""
                    SELECT * FROM call_queue WHERE tenant_id = ?1 AND id = ?2 AND status = 'processing'
                      AND dial_request_id = ?3 FOR UPDATE""", CallQueueItem.class)
                    .setParameter(1, tenant).setParameter(2, queueItemId).setParameter(3, dialRequestId).getResultList();
            if (!rows.isEmpty()) {
                Optional<Instant> notAfter = writer.originalNotAfter(tenant, dialRequestId);
                if (notAfter.isPresent()) {
                    writer.reclaim(rows.get(0), notAfter.get(), now, owner);
                    return true;
                }
            }
        }
        writer.release(dialRequestId, null);
        LOG.infof("slot released by the reaper tenant=%s dial_request=%s call=%s", tenant, dialRequestId, callId);
        return true;
    }
}
