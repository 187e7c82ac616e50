package io.switchboard.platform.inbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventPayload;
import io.switchboard.events.InvalidEventException;
import io.switchboard.platform.tenant.BeforeTenantSwitch;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Turns a Kafka record into at-most-one effect: decode the CloudEvent, and in one transaction insert
 * {@code processed_event(consumer, event_id)} and run the handlers. A redelivered event finds its row
 * and changes nothing. Call it from a blocking {@code @Incoming} method: the message is acknowledged
 * (offset committed) only after this returns, i.e. after the transaction committed.
 *
 * A handler failure that can pass ({@link TransientFailures}) is retried in a new transaction with
 * exponential backoff ({@link InboxRetryConfig}); any other failure, or the last attempt's, is thrown, and
 * the channel's {@code failure-strategy=dead-letter-queue} moves the record to {@code switchboard.dlq.<service>}.
 * An unreadable record (poison) is never retried: it is logged and skipped.
 * <p>
 * {@link #consumeAll} applies several records in one transaction (the {@link InboxDispatcher} hands it the records of
 * one poll that are ready together): one multi-row {@code processed_event} insert that returns which events are new,
 * then the handlers of each new one, grouped by tenant and otherwise in the given order, each under its own tenant (row-level security switched with
 * {@code set_config(..., is_local)} between records of different tenants, Hibernate flushed before and its
 * persistence context cleared at each switch) and its own trace. If anything in that transaction fails, it is rolled
 * back and every record is applied again on its own, through the one-record path above with its retries and its
 * dead-letter outcome: a failing record never takes its batch-mates down with it, and none is applied twice.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    public enum Outcome {
        APPLIED, DUPLICATE, NO_HANDLER, INVALID
    }

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    @Inject
    InboxRetryConfig retry;

    @Inject
    Tracer tracer;

    @Inject
    @Any
    Instance<BeforeTenantSwitch> tenantSwitchListeners;

    private final Map<String, List<EventHandler<?>>> handlers = new HashMap<>();

    @Inject
    void register(@Any Instance<EventHandler<?>> all) {
        for (EventHandler<?> handler : all) {
            handlers.computeIfAbsent(handler.type().type(), t -> new java.util.ArrayList<>()).add(handler);
        }
    }

    /** Whether some handler of this service takes events of {@code type}; false means the event can be skipped unread. */
    public boolean handles(String type) {
        return handlers.containsKey(type);
    }

    /**
     * One record in {@link #consumeAll}: its CloudEvent, the trace context it arrived with, and its ordering key (topic
     * and Kafka key; null when it has none).
     */
    public record Delivery(byte[] cloudEvent, Context trace, String key) {
    }

    public Outcome consume(byte[] cloudEvent) {
        Decoded decoded = decode(cloudEvent, Context.current());
        return decoded.outcome() != null ? decoded.outcome() : applyTraced(decoded);
    }

    /**
     * Applies the deliveries in their order, as many as possible in one transaction (see the class comment). Returns,
     * per delivery at the same index, null when it is done (applied, a duplicate, unreadable, or no handler: to be
     * acknowledged) or what its own one-record attempt finally threw (to be nacked: the dead-letter topic).
     */
    public List<RuntimeException> consumeAll(List<Delivery> deliveries) {
        List<RuntimeException> failures = new ArrayList<>(Collections.nCopies(deliveries.size(), null));
        List<Decoded> batch = new ArrayList<>(deliveries.size());
        for (int i = 0; i < deliveries.size(); i++) {
            Decoded decoded = decode(deliveries.get(i).cloudEvent(), deliveries.get(i).trace());
            if (decoded.outcome() == null) {
                batch.add(decoded.at(i));
            }
        }
        if (batch.size() > 1) {
            List<Decoded> ordered = byTenant(batch, deliveries);
            try {
                QuarkusTransaction.requiringNew().run(() -> applyBatch(ordered));
                return failures;
            } catch (RuntimeException e) {
                LOG.infof("a batch of %d events failed (%s), applying them one by one", batch.size(), e);
            }
        }
        for (Decoded decoded : batch) {
            try {
                applyTraced(decoded);
            } catch (RuntimeException e) {
                failures.set(decoded.index(), e);
            }
        }
        return failures;
    }

    /**
     * The batch grouped by tenant, in tenant id order, each tenant's records in their given order (a stable sort): one
     * tenant switch per tenant instead of one per record, and concurrent batches take the rows their tenants' handlers
     * lock (campaign counters, say) in the same order, which keeps them from deadlocking each other. Records of
     * different keys carry no order between them; a key's records keep theirs because a key belongs to one tenant. A
     * batch where some key carries events of two tenants is left as it is.
     */
    private static List<Decoded> byTenant(List<Decoded> batch, List<Delivery> deliveries) {
        Map<String, UUID> tenantOfKey = new HashMap<>();
        for (Decoded decoded : batch) {
            String key = deliveries.get(decoded.index()).key();
            UUID tenant = decoded.event().tenantId();
            if (key != null && !tenant.equals(tenantOfKey.computeIfAbsent(key, k -> tenant))) {
                return batch;
            }
        }
        List<Decoded> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparing(decoded -> decoded.event().tenantId()));
        return sorted;
    }

    /** A decoded record: its event and handlers, or the outcome that needs neither (unreadable, no handler). */
    private record Decoded(EventEnvelope<?> event, List<EventHandler<?>> handlers, Outcome outcome, Context trace, int index) {

        Decoded at(int i) {
            return new Decoded(event, handlers, outcome, trace, i);
        }
    }

    private Decoded decode(byte[] cloudEvent, Context trace) {
        EventEnvelope<?> event;
        try {
            event = EventCodec.deserialize(cloudEvent);
        } catch (InvalidEventException e) {
            // poison message: retrying cannot fix it; log it (without the payload) and move on
            LOG.warnf("skipping unreadable event: %s", e.getMessage());
            return new Decoded(null, null, Outcome.INVALID, trace, -1);
        }
        List<EventHandler<?>> forType = handlers.get(event.type().type());
        return new Decoded(event, forType, forType == null ? Outcome.NO_HANDLER : null, trace, -1);
    }

    /**
     * A child of the record's trace context (the Kafka connector's receive span, which continues the relay's publish
     * span through the traceparent header): the handler's transaction, retries included, shows in the trace of the request that caused it.
     */
    private Span consumeSpan(Decoded decoded) {
        EventEnvelope<?> event = decoded.event();
        return tracer.spanBuilder("consume " + event.type().type())
                .setParent(decoded.trace())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("switchboard.event.type", event.type().type())
                .setAttribute("switchboard.tenant", String.valueOf(event.tenantId()))
                .startSpan();
    }

    private Outcome applyTraced(Decoded decoded) {
        return traced(decoded, () -> applyWithRetries(decoded.event(), decoded.handlers()));
    }

    /** Runs {@code work} in the record's {@code consume <type>} span and records its outcome or failure there. */
    private Outcome traced(Decoded decoded, Supplier<Outcome> work) {
        Span span = consumeSpan(decoded);
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = work.get();
            span.setAttribute("switchboard.inbox.outcome", outcome.name());
            return outcome;
        } catch (RuntimeException e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }

    private Outcome applyWithRetries(EventEnvelope<?> event, List<EventHandler<?>> forType) {
        long backoffMillis = retry.initialBackoff().toMillis();
        for (int attempt = 1;; attempt++) {
            try {
                // the event's tenant is the connection's tenant: row-level security applies to consumers too
                return TenantScope.call(event.tenantId(),
                        () -> QuarkusTransaction.requiringNew().call(() -> apply(event, forType)));
            } catch (RuntimeException e) {
                if (attempt >= retry.maxAttempts() || !TransientFailures.isTransient(e) || !pause(backoffMillis)) {
                    LOG.errorf("event %s (%s, tenant %s) failed after %d attempt(s), it goes to the dead-letter topic: %s",
                            event.id(), event.type().type(), event.tenantId(), attempt, e);
                    throw e;
                }
                LOG.warnf("event %s (%s, tenant %s) failed transiently, attempt %d/%d, retrying in %d ms: %s", event.id(),
                        event.type().type(), event.tenantId(), attempt, retry.maxAttempts(), backoffMillis, e);
                backoffMillis = Math.min(backoffMillis * 2, retry.maxBackoff().toMillis());
            }
        }
    }

    /** False when interrupted (the application is stopping): give up instead of waiting. */
    private static boolean pause(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome apply(EventEnvelope<?> event, List<EventHandler<?>> forType) {
        if (insertProcessed(List.of(event)).isEmpty()) {
            LOG.debugf("duplicate event %s (%s) ignored", event.id(), event.type().type());
            return Outcome.DUPLICATE;
        }
        for (EventHandler<?> handler : forType) {
            invoke(handler, event);
        }
        tenantWorkDone(event.tenantId()); // the one tenant's work of this transaction is over
        return Outcome.APPLIED;
    }

    /**
     * The batch's transaction: one {@code processed_event} insert for all, then the handlers of each new event in order,
     * each with its tenant set on the connection for the rest of the transaction or until the next record's.
     */
    private void applyBatch(List<Decoded> batch) {
        Set<UUID> fresh = insertProcessed(batch.stream().<EventEnvelope<?>>map(Decoded::event).toList());
        Set<UUID> applied = new HashSet<>();
        UUID[] tenant = new UUID[1];
        for (Decoded decoded : batch) {
            traced(decoded, () -> {
                EventEnvelope<?> event = decoded.event();
                if (!fresh.contains(event.id()) || !applied.add(event.id())) {
                    // processed before, or delivered twice within this batch
                    LOG.debugf("duplicate event %s (%s) ignored", event.id(), event.type().type());
                    return Outcome.DUPLICATE;
                }
                if (!event.tenantId().equals(tenant[0])) {
                    switchTenant(tenant[0], event.tenantId());
                    tenant[0] = event.tenantId();
                }
                Span.current().setAttribute("switchboard.inbox.batch", batch.size());
                return TenantScope.call(event.tenantId(), () -> {
                    for (EventHandler<?> handler : decoded.handlers()) {
                        invoke(handler, event);
                    }
                    em.flush(); // the record's writes go out under its own tenant and in its own span
                    return Outcome.APPLIED;
                });
            });
        }
        if (tenant[0] != null) {
            tenantWorkDone(tenant[0]); // the last tenant's records are applied
        }
    }

    /** Records the events as processed by this consumer, in one statement; returns the ids that were not before. */
    @SuppressWarnings("unchecked")
    private Set<UUID> insertProcessed(List<EventEnvelope<?>> events) {
        String[] ids = new String[events.size()];
        String[] tenants = new String[events.size()];
        String[] types = new String[events.size()];
        for (int i = 0; i < events.size(); i++) {
            EventEnvelope<?> event = events.get(i);
            ids[i] = event.id().toString();
            tenants[i] = event.tenantId().toString();
            types[i] = event.type().type();
        }
        List<Object> inserted = em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, tenant_id, event_type)
                SELECT ?1, e.id, e.tenant, e.type
                FROM unnest(CAST(CAST(?2 AS text[]) AS uuid[]), CAST(CAST(?3 AS text[]) AS uuid[]), CAST(?4 AS text[]))
                    AS e(id, tenant, type)
                ON CONFLICT DO NOTHING RETURNING event_id""")
                .setParameter(1, consumer)
                .setParameter(2, ids)
                .setParameter(3, tenants)
                .setParameter(4, types)
                .getResultList();
        Set<UUID> fresh = new HashSet<>();
        for (Object id : inserted) {
            fresh.add(id instanceof UUID uuid ? uuid : UUID.fromString(Objects.toString(id)));
        }
        return fresh;
    }

    /**
     * Row-level security for the next record: the tenant for the rest of this transaction (or until the next switch).
     * What the previous tenant's handlers kept for later is written first ({@link BeforeTenantSwitch}); what they left
     * in Hibernate is flushed and detached, so nothing loaded for one tenant is found from the persistence context by
     * the next.
     */
    private void switchTenant(UUID previous, UUID tenant) {
        if (previous != null) {
            tenantWorkDone(previous);
            em.flush();
            em.clear();
        }
        em.createNativeQuery("SELECT set_config('app.tenant_id', ?1, true)").setParameter(1, tenant.toString())
                .getSingleResult();
    }

    /**
     * The handlers are done with {@code tenant}, still the connection's tenant, in this transaction: the
     * {@link BeforeTenantSwitch} beans write what they kept, under its {@link TenantScope} too.
     */
    private void tenantWorkDone(UUID tenant) {
        TenantScope.call(tenant, () -> {
            tenantSwitchListeners.forEach(BeforeTenantSwitch::beforeTenantSwitch);
            return null;
        });
    }

    @SuppressWarnings("unchecked")
    private static <T extends EventPayload> void invoke(EventHandler<T> handler, EventEnvelope<?> event) {
        handler.handle((EventEnvelope<T>) event);
    }
}
