package io.switchboard.campaigns.dispatch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    /** How soon the pipelined loop looks again when every due tenant already has a turn running. */
    private static final Duration IN_FLIGHT_POLL = Duration.ofMillis(20);

    /** What one round did. */
    public record Round(int tenants, int dialed, int skipped) {
    }

    private final EntityManager em;
    private final DispatcherConfig config;
    private final TenantDispatch tenantDispatch;
    private final DispatchWriter writer;
    private final String owner;
    /** Runs the tenant turns, turn-concurrency at a time (its threads start with the first turns). */
    private final ExecutorService turnPool;
    /** Places for turns queued or running in the pipelined loop: twice turn-concurrency. */
    private final Semaphore pipeline;
    /** Tenants whose turn the pipelined loop started and that has not ended: never two turns of one tenant at once. */
    private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
    /** Where the next round's tenant scan starts: rounds rotate through the tenants. */
    private volatile UUID cursor = BEFORE_ALL;

    public Dispatcher(EntityManager em, DispatcherConfig config, TenantDispatch tenantDispatch, DispatchWriter writer) {
        this.em = em;
        this.config = config;
        this.tenantDispatch = tenantDispatch;
        this.writer = writer;
        this.owner = config.instanceId().orElse("dispatcher-" + UUID.randomUUID().toString().substring(0, 8));
        int concurrency = Math.max(1, config.turnConcurrency());
        AtomicInteger n = new AtomicInteger();
        this.turnPool = Executors.newFixedThreadPool(concurrency, r -> {
            Thread thread = new Thread(r, "dialer-turn-" + n.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.pipeline = new Semaphore(2 * concurrency);
    }

    public String owner() {
        return owner;
    }

    /**
     * Quarkus' scheduler checks its triggers once a second, so a tick lasts up to 0.8 s: the reaper, then the pipelined
     * loop ({@link #loop}) until the tick is over.
     */
    @Scheduled(every = "1s", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.enabled()) {
            return;
        }
        long tickEnds = System.nanoTime() + TICK.toNanos();
        try {
            reap(Instant.now());
            loop(tickEnds, Instant::now);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // shutting down
        } catch (RuntimeException e) {
            LOG.warnf("dispatch loop failed: %s", e.toString());
        }
    }

    /** What {@link #pump} found. */
    enum Pump {
        /** Turns were started. */
        STARTED,
        /** Every place is taken: wait for a turn to end. */
        FULL,
        /** The due tenants all have a turn running: wait a little, their turns end soon. */
        ALL_IN_FLIGHT,
        /** Nothing due: poll again after switchboard.dialer.every. */
        NOTHING_DUE
    }

    /**
     * Hands due tenants' turns to the pool until {@code untilNanos}: the pipelined form of {@link #round}. A round waits
     * for all its turns before the next starts, so every row waited for the slowest turn of its round; here a turn
     * starts as soon as a place in the pool is free, for the next due tenant after the last one started (rotating as
     * rounds do), never for a tenant whose turn is still queued or running. Up to twice {@code turn-concurrency} turns
     * are queued or running; with none due the loop polls every {@code switchboard.dialer.every} (0.2 s). Turns still
     * running at the end carry on; the next call does not start their tenants again until they end.
     */
    void loop(long untilNanos, Supplier<Instant> clock) throws InterruptedException {
        long idlePoll = config.every().toNanos();
        while (System.nanoTime() < untilNanos) {
            Pump pumped = pump(clock);
            long wait = Math.min(untilNanos - System.nanoTime(), idlePoll);
            if (pumped == Pump.FULL && wait > 0) {
                // until a turn ends (its place is free again) or the poll interval passes
                if (pipeline.tryAcquire(wait, TimeUnit.NANOSECONDS)) {
                    pipeline.release();
                }
            } else if (pumped == Pump.ALL_IN_FLIGHT && wait > 0) {
                Thread.sleep(Math.max(1, Math.min(IN_FLIGHT_POLL.toMillis(), Duration.ofNanos(wait).toMillis())));
            } else if (pumped == Pump.NOTHING_DUE && wait > 0) {
                Thread.sleep(Math.max(1, Duration.ofNanos(wait).toMillis()));
            }
        }
    }

    /** Starts turns for due tenants not in flight, as many as the pipeline has places for. */
    Pump pump(Supplier<Instant> clock) {
        int free = pipeline.availablePermits();
        if (free == 0) {
            return Pump.FULL;
        }
        List<UUID> due = dueTenants(clock.get(), free + inFlight.size()).stream().filter(t -> !inFlight.contains(t))
                .limit(free).toList();
        UUID last = null;
        for (UUID tenant : due) {
            if (!pipeline.tryAcquire()) {
                break;
            }
            inFlight.add(tenant);
            try {
                turnPool.execute(() -> {
                    try {
                        turn(tenant, clock);
                    } finally {
                        inFlight.remove(tenant);
                        pipeline.release();
                    }
                });
            } catch (RuntimeException e) { // the pool is shutting down
                inFlight.remove(tenant);
                pipeline.release();
                throw e;
            }
            last = tenant;
        }
        if (last == null) {
            return !due.isEmpty() ? Pump.FULL : inFlight.isEmpty() ? Pump.NOTHING_DUE : Pump.ALL_IN_FLIGHT;
        }
        cursor = last;
        return Pump.STARTED;
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
            turns.add(turnPool.submit(() -> turn(tenant, clock)));
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

    @PreDestroy
    void stopTurns() {
        turnPool.shutdown();
    }

    /** From the cursor on, wrapping around once, so past tenants-per-round every tenant still gets its turn. */
    private List<UUID> dueTenants(Instant now) {
        return dueTenants(now, config.tenantsPerRound());
    }

    private List<UUID> dueTenants(Instant now, int max) {
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
