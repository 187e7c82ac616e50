package io.switchboard.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.hibernate.Session;

import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;
import io.switchboard.platform.persistence.AfterCommit;
import io.switchboard.platform.tracing.TraceContexts;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction commits
 * (the {@link OutboxRelay} publishes committed rows, woken right after the commit), so state and
 * events never disagree.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager em;

    @Inject
    OutboxConfig config;

    @Inject
    OutboxRelay relay;

    @Inject
    AfterCommit afterCommit;

    /** Must run inside the transaction that makes the change the event describes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> EventEnvelope<T> publish(EventType<T> type, UUID tenantId, T payload) {
        EventEnvelope<T> event = EventCodec.newEvent(type, config.source(), tenantId, payload);
        // the relay sends the row later, from its own thread: it keeps the trace of the change that caused it
        TraceContexts.Carried trace = TraceContexts.current();
        em.createNativeQuery("""
                INSERT INTO outbox_event (id, tenant_id, topic, event_key, event_type, cloud_event, created_at,
                    trace_parent, trace_state)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, NULLIF(?8, ''), NULLIF(?9, ''))""")
                .setParameter(1, event.id())
                .setParameter(2, tenantId)
                .setParameter(3, type.topic())
                .setParameter(4, event.subject())
                .setParameter(5, type.type())
                .setParameter(6, new String(EventCodec.serialize(event), StandardCharsets.UTF_8))
                .setParameter(7, event.time())
                // '' for none: a null parameter would reach PostgreSQL untyped
                .setParameter(8, Objects.requireNonNullElse(trace.traceparent(), ""))
                .setParameter(9, Objects.requireNonNullElse(trace.tracestate(), ""))
                .executeUpdate();
        wakeRelayAfterCommit();
        return event;
    }

    /**
     * {@link #publish} for many events of one type at once: one INSERT of all rows (arrays unnested server-side)
     * instead of a statement per event, for bulk writers such as list imports. Same transaction rule.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventPayload> void publishAll(EventType<T> type, UUID tenantId, List<T> payloads) {
        publishPrepared(payloads.stream().map(payload -> prepare(type, tenantId, payload)).toList());
    }

    /**
     * {@link #publish} for several events of any types at once, in this order, in one INSERT: what one change
     * describes with several events (a webhook that created and completed a call) costs one round trip.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishAll(UUID tenantId, List<Pending<?>> events) {
        publishPrepared(events.stream().map(pending -> pending.prepare(this, tenantId)).toList());
    }

    /** One event for {@link #publishAll(UUID, List)}: its type and payload. */
    public record Pending<T extends EventPayload>(EventType<T> type, T payload) {

        Prepared prepare(Outbox outbox, UUID tenantId) {
            return outbox.prepare(type, tenantId, payload);
        }
    }

    /** An event built and serialized ahead of the statement that records it: see {@link #prepare}. */
    public record Prepared(EventType<?> type, UUID tenantId, UUID id, String key, String cloudEvent, OffsetDateTime time) {
    }

    /**
     * Builds and serializes an event without recording it: needs no transaction and runs on any thread, so a bulk
     * writer can serialize its events on another thread while its transaction's statements execute, then record them
     * with {@link #publishPrepared} in that transaction (only then can they reach Kafka).
     */
    public <T extends EventPayload> Prepared prepare(EventType<T> type, UUID tenantId, T payload) {
        EventEnvelope<T> event = EventCodec.newEvent(type, config.source(), tenantId, payload);
        return new Prepared(type, tenantId, event.id(), event.subject(), new String(EventCodec.serialize(event),
                StandardCharsets.UTF_8), event.time());
    }

    /**
     * Records {@link #prepare prepared} events of one tenant (of any types) in the caller's transaction, in this
     * order, in one INSERT: the rows take their seq in the order given, as separate {@link #publish} calls would.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void publishPrepared(List<Prepared> events) {
        if (events.isEmpty()) {
            return;
        }
        UUID tenantId = events.get(0).tenantId();
        TraceContexts.Carried trace = TraceContexts.current();
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] keys = new String[n];
        String[] types = new String[n];
        String[] bodies = new String[n];
        java.sql.Timestamp[] times = new java.sql.Timestamp[n];
        for (int i = 0; i < n; i++) {
            Prepared event = events.get(i);
            if (!tenantId.equals(event.tenantId())) {
                throw new IllegalArgumentException("one tenant per call: " + tenantId + ", then " + event.tenantId());
            }
            ids[i] = event.id();
            topics[i] = event.type().topic();
            keys[i] = event.key();
            types[i] = event.type().type();
            bodies[i] = event.cloudEvent();
            times[i] = java.sql.Timestamp.from(event.time().toInstant());
        }
        em.unwrap(Session.class).doWork(connection -> {
            // WITH ORDINALITY + ORDER BY: the rows take their seq in the order given
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (id, tenant_id, topic, event_key, event_type, cloud_event, created_at,
                        trace_parent, trace_state)
                    SELECT e.id, ?, e.topic, e.event_key, e.event_type, e.cloud_event, e.created_at, NULLIF(?, ''), NULLIF(?, '')
                    FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
                        WITH ORDINALITY AS e(id, topic, event_key, event_type, cloud_event, created_at, n)
                    ORDER BY e.n""")) {
                insert.setObject(1, tenantId);
                insert.setString(2, Objects.requireNonNullElse(trace.traceparent(), ""));
                insert.setString(3, Objects.requireNonNullElse(trace.tracestate(), ""));
                insert.setArray(4, connection.createArrayOf("uuid", ids));
                insert.setArray(5, connection.createArrayOf("text", topics));
                insert.setArray(6, connection.createArrayOf("text", keys));
                insert.setArray(7, connection.createArrayOf("text", types));
                insert.setArray(8, connection.createArrayOf("text", bodies));
                insert.setArray(9, connection.createArrayOf("timestamptz", times));
                insert.executeUpdate();
            }
        });
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        afterCommit.runOnce(Outbox.class, relay::nudge);
    }
}
