package io.switchboard.platform.inbox;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventPayload;
import io.switchboard.events.InvalidEventException;
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

    private final Map<String, List<EventHandler<?>>> handlers = new HashMap<>();

    @Inject
    void register(@Any Instance<EventHandler<?>> all) {
        for (EventHandler<?> handler : all) {
            handlers.computeIfAbsent(handler.type().type(), t -> new java.util.ArrayList<>()).add(handler);
        }
    }

    public Outcome consume(byte[] cloudEvent) {
        EventEnvelope<?> event;
        try {
            event = EventCodec.deserialize(cloudEvent);
        } catch (InvalidEventException e) {
            // poison message: retrying cannot fix it; log it (without the payload) and move on
            LOG.warnf("skipping unreadable event: %s", e.getMessage());
            return Outcome.INVALID;
        }
        List<EventHandler<?>> forType = handlers.get(event.type().type());
        if (forType == null) {
            return Outcome.NO_HANDLER;
        }
        // a child of the Kafka connector's receive span, which continues the relay's publish span (traceparent
        // header): the handler's transaction, retries included, shows in the trace of the request that caused it
        Span span = tracer.spanBuilder("consume " + event.type().type())
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("switchboard.event.type", event.type().type())
                .setAttribute("switchboard.tenant", String.valueOf(event.tenantId()))
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = applyWithRetries(event, forType);
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
        int inserted = em.createNativeQuery("""
                INSERT INTO processed_event (consumer, event_id, tenant_id, event_type) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.tenantId())
                .setParameter(4, event.type().type())
                .executeUpdate();
        if (inserted == 0) {
            LOG.debugf("duplicate event %s (%s) ignored", event.id(), event.type().type());
            return Outcome.DUPLICATE;
        }
        for (EventHandler<?> handler : forType) {
            invoke(handler, event);
        }
        return Outcome.APPLIED;
    }

    @SuppressWarnings("unchecked")
    private static <T extends EventPayload> void invoke(EventHandler<T> handler, EventEnvelope<?> event) {
        handler.handle((EventEnvelope<T>) event);
    }
}
