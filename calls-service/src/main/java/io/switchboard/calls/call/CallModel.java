package io.switchboard.calls.call;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.hibernate.engine.spi.SessionImplementor;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.twilio.TwilioNormalizer;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallAnalyzedV1;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallCreatedV1;
import io.switchboard.events.call.CallDispositionChangedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallFlagsV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.call.CallRecordingReadyV1;
import io.switchboard.events.call.CallStatusChangedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.platform.outbox.Outbox;

/**
 * The one place that changes a call from its events: a provider event (exactly once, deduplicated in the
 * database), a manual disposition or a reconciliation is appended to the call's timeline, the call's state is
 * folded again from all its events ({@link CallFold}), and the outbox events describing the change are written in
 * the same transaction. The call row is locked first, so the events of one call apply one at a time.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class CallModel {

    private static final Logger LOG = Logger.getLogger(CallModel.class);

    /** What became of a provider event: applied to the call, or seen before (nothing changed). */
    public record Applied(UUID callId, boolean duplicate) {
    }

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    public Applied applyProviderEvent(UUID tenantId, UUID connectionId, NormalizedEvent event, Instant receivedAt) {
        OffsetDateTime now = micros(receivedAt);
        boolean attached = event.switchboardCallId() != null && attach(tenantId, connectionId, event);
        Collection<Call> managedBefore = managedCalls();
        // an agent platform's event for a phone call that came over Twilio joins the Twilio call (inbound routing),
        // unless the platform's own call exists: then that one, already locked here
        Call existing = attached ? null : callOfTelephonyEvent(tenantId, event);
        // the provider call id names one call: concurrent first events of a call create it once. A call this
        // statement created comes back loaded (and locked, being ours); otherwise it is locked and loaded by the
        // SELECT, so the events of one call apply one at a time
        @SuppressWarnings("unchecked")
        List<Call> inserted = existing != null ? List.of() : em.createNativeQuery("""
                INSERT INTO call (id, tenant_id, direction, status, provider, provider_call_id, connection_id,
                    created_at, updated_at)
                VALUES (?1, ?2, ?3, 'queued', ?4, ?5, CAST(NULLIF(?6, '') AS uuid), ?7, ?7)
                ON CONFLICT (tenant_id, provider, provider_call_id) DO NOTHING
                RETURNING *""", Call.class)
                .setParameter(1, UUID.randomUUID()).setParameter(2, tenantId)
                .setParameter(3, (event.direction() == null ? CallDirection.INBOUND : event.direction()).wire())
                .setParameter(4, event.provider()).setParameter(5, event.providerCallId())
                .setParameter(6, connectionId == null ? "" : connectionId.toString()).setParameter(7, now)
                .getResultList();
        boolean created = !inserted.isEmpty();
        Call call = created ? inserted.get(0) : existing != null ? existing
                : locked(tenantId, event.provider(), event.providerCallId()).get(0);
        if (managedBefore.stream().anyMatch(c -> c == call)) {
            // the caller had loaded it before this transaction locked it (or attach changed it): its state may be stale
            em.refresh(call);
        }
        UUID callId = call.id;
        // exactly once: the database, not memory, decides whether this provider event was applied before
        boolean fresh = em.createNativeQuery("""
                INSERT INTO processed_delivery (tenant_id, provider, event_identity, call_id, processed_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, event.provider()).setParameter(3, event.eventIdentity())
                .setParameter(4, callId).setParameter(5, now)
                .executeUpdate() == 1;
        if (!fresh) {
            LOG.infof("provider event duplicate tenant=%s call=%s provider=%s event=%s", tenantId, callId,
                    event.provider(), event.eventType());
            return new Applied(callId, true);
        }
        // a call this event created has no timeline, transcript or recording yet: nothing to read back
        Related related = created ? Related.NONE : related(call);
        Snapshot before = snapshot(call, related);
        List<NormalizedEvent> events = append(call, related, event, now, json(event.raw()));
        related = refold(call, related, events, now);
        // once per call, before the events are built: they carry the agent (written with the commit's flush)
        linkAgent(call);
        List<Outbox.Pending<?>> changes = new ArrayList<>();
        if (created) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_CREATED, new CallCreatedV1(str(call.id), call.direction.wire(),
                    CallStatus.QUEUED.wire(), call.fromNumber, call.toNumber, str(call.agentId), str(call.campaignId),
                    str(call.contactId), call.createdAt.toInstant())));
        }
        if (created || attached) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_INITIATED, new CallInitiatedV1(str(call.id), call.provider,
                    call.providerCallId, str(call.connectionId), call.direction.wire(), call.status.wire(),
                    call.fromNumber, call.toNumber, call.providerAgentId, str(call.campaignId), str(call.contactId),
                    now.toInstant(), call.dialRequestId)));
        }
        changes.addAll(changes(before, call, related, now));
        outbox.publishAll(tenantId, changes);
        LOG.infof("provider event applied tenant=%s call=%s provider=%s event=%s status=%s", tenantId, callId,
                event.provider(), event.eventType(), call.status.wire());
        return new Applied(callId, false);
    }

    /** A person's disposition: on the timeline, overriding the provider's, with a disposition_changed event. */
    public Call setDisposition(Call call, Disposition disposition, String note, Instant at) {
        OffsetDateTime now = micros(at);
        em.lock(call, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(call);
        Disposition previous = call.disposition;
        NormalizedEvent manual = NormalizedEvent.builder(CallFold.SWITCHBOARD, call.providerCallId,
                        "manual/" + UUID.randomUUID(), "disposition_set")
                .occurredAt(now.toInstant()).disposition(disposition).build();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("disposition", disposition.wire());
        if (note != null) {
            details.put("note", note);
        }
        Related related = related(call);
        Snapshot before = snapshot(call, related);
        List<NormalizedEvent> events = append(call, related, manual, details, now, null);
        related = refold(call, related, events, now);
        List<Outbox.Pending<?>> changes = new ArrayList<>();
        changes.add(new Outbox.Pending<>(EventCatalog.CALL_DISPOSITION_CHANGED, new CallDispositionChangedV1(str(call.id),
                previous == null ? null : previous.wire(), call.disposition.wire(), flags(call), str(call.campaignId),
                str(call.contactId), now.toInstant())));
        changes.addAll(changes(before, call, related, now));
        outbox.publishAll(call.tenantId, changes);
        LOG.infof("call disposition set tenant=%s call=%s disposition=%s", call.tenantId, call.id, disposition.wire());
        return call;
    }

    /**
     * A person's entry on the call's timeline that does not change the call's state (issue 10: a call note added or
     * deleted). Locked like every other change, so sequence numbers stay unique.
     */
    public void appendManual(Call call, String type, Map<String, Object> details, Instant at) {
        em.lock(call, LockModeType.PESSIMISTIC_WRITE);
        appendSwitchboard(call, "manual/", type, details, at);
    }

    /** A call that never got a final event: failed with the given reason, on the timeline and as events. */
    public void markFailed(Call call, String reason, Instant at) {
        OffsetDateTime now = micros(at);
        em.lock(call, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(call);
        if (call.status.terminal()) {
            return;
        }
        NormalizedEvent verdict = NormalizedEvent.builder(CallFold.SWITCHBOARD, call.providerCallId,
                        "reconciled/" + UUID.randomUUID(), "reconciled")
                .occurredAt(now.toInstant()).status(CallStatus.FAILED).endedReason(reason)
                .disposition(Disposition.FAILED).build();
        Related related = related(call);
        Snapshot before = snapshot(call, related);
        List<NormalizedEvent> events = append(call, related, verdict, now, null);
        related = refold(call, related, events, now);
        List<Outbox.Pending<?>> changes = new ArrayList<>(changes(before, call, related, now));
        if (call.dialRequestId != null && call.providerCallId == null) {
            // a dialed call whose provider never answered and never reported it (docs/outbound.md "Outcome unknown"):
            // the dial request is answered here, once, so campaigns-service can reschedule the queue item
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_FAILED, new CallFailedV1(str(call.id), call.dialRequestId,
                    str(call.campaignId), str(call.contactId), str(call.agentId), call.provider, str(call.connectionId),
                    call.toNumber, "outcome_unknown", "the provider neither confirmed nor reported the call (" + reason + ")",
                    now.toInstant())));
        }
        outbox.publishAll(call.tenantId, changes);
        LOG.infof("call reconciled tenant=%s call=%s status=%s reason=%s", call.tenantId, call.id, call.status.wire(), reason);
    }

    /**
     * A Switchboard step on a call's timeline that changes none of the call's folded state (inbound routing): the
     * caller holds the call's row lock (it applied a provider event to it, or locked it) in this transaction.
     */
    public void appendStep(Call call, String type, Map<String, Object> details, Instant at) {
        appendSwitchboard(call, "step/", type, details, at);
    }

    /** A timeline entry of Switchboard's own that changes none of the call's folded state. */
    private void appendSwitchboard(Call call, String identityPrefix, String type, Map<String, Object> details, Instant at) {
        OffsetDateTime now = micros(at);
        NormalizedEvent entry = NormalizedEvent.builder(CallFold.SWITCHBOARD, call.providerCallId,
                identityPrefix + UUID.randomUUID(), type).occurredAt(now.toInstant()).build();
        append(call, related(call), entry, new LinkedHashMap<>(details), now, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CallEvent> timeline(UUID tenantId, UUID callId) {
        return em.createQuery("from CallEvent where tenantId = ?1 and callId = ?2 order by eventSequence", CallEvent.class)
                .setParameter(1, tenantId).setParameter(2, callId).getResultList();
    }

    /**
     * What the fold reads besides the call's row, read once per change: the timeline so far (only what the fold
     * needs, not as entities: no dirty checking of its JSON), and the recording (for recording_ready).
     */
    private record Related(List<String> normalized, int lastSequence, CallRecording recording, boolean none) {

        /** A call created by this very event: no timeline, transcript or recording exists yet. */
        static final Related NONE = new Related(List.of(), 0, null, true);

        Related withRecording(CallRecording recording) {
            return new Related(normalized, lastSequence, recording, none);
        }
    }

    private Related related(Call call) {
        List<Object[]> rows = em.createQuery("select eventSequence, normalized from CallEvent where tenantId = ?1 and callId = ?2",
                        Object[].class)
                .setParameter(1, call.tenantId).setParameter(2, call.id).getResultList();
        int last = rows.stream().mapToInt(row -> ((Number) row[0]).intValue()).max().orElse(0);
        return new Related(rows.stream().map(row -> (String) row[1]).toList(), last, em.find(CallRecording.class, call.id), false);
    }

    private List<NormalizedEvent> append(Call call, Related related, NormalizedEvent event, OffsetDateTime now, String raw) {
        Map<String, Object> details = new LinkedHashMap<>();
        put(details, "status", event.status() == null ? null : event.status().wire());
        put(details, "endedReason", event.endedReason());
        put(details, "disposition", event.disposition() == null ? null : event.disposition().wire());
        put(details, "providerEventId", event.eventIdentity());
        if (!CallFold.SWITCHBOARD.equals(event.provider()) && !event.provider().equals(call.provider)) {
            // an agent platform's event on the Twilio call it handled: the platform's own call id is kept here
            put(details, "provider", event.provider());
            put(details, "providerCallId", event.providerCallId());
        }
        return append(call, related, event, details, now, raw);
    }

    /** Adds the event to the timeline (written at the next flush); returns all the call's events, folded from JSON. */
    private List<NormalizedEvent> append(Call call, Related related, NormalizedEvent event, Map<String, Object> details,
            OffsetDateTime now, String raw) {
        CallEvent row = new CallEvent();
        row.id = UUID.randomUUID();
        row.tenantId = call.tenantId;
        row.callId = call.id;
        row.eventSequence = related.lastSequence() + 1;
        row.type = event.eventType();
        row.occurredAt = event.occurredAt() == null ? now : micros(event.occurredAt());
        row.details = details;
        row.normalized = json(event);
        row.raw = raw;
        row.createdAt = now;
        em.persist(row);
        List<NormalizedEvent> events = new ArrayList<>(related.normalized().size() + 1);
        related.normalized().forEach(json -> events.add(read(json)));
        events.add(read(row.normalized));
        return events;
    }

    /**
     * The call's state from all its events; fields no event speaks about keep what the API set. Writes everything
     * (one flush); returns {@code related} with the recording as it is now.
     */
    private Related refold(Call call, Related related, List<NormalizedEvent> events, OffsetDateTime now) {
        NormalizedEvent state = CallFold.fold(events);
        if (state.status().rank() >= call.status.rank()) {
            call.status = state.status();
        }
        call.direction = or(state.direction(), call.direction);
        call.fromNumber = or(state.fromNumber(), call.fromNumber);
        call.toNumber = or(state.toNumber(), call.toNumber);
        call.providerAgentId = or(state.providerAgentId(), call.providerAgentId);
        call.startedAt = or(micros(state.startedAt()), call.startedAt);
        call.endedAt = or(micros(state.endedAt()), call.endedAt);
        call.durationSeconds = or(state.durationSeconds(), call.durationSeconds);
        call.cost = or(state.cost(), call.cost);
        call.endedReason = or(state.endedReason(), call.endedReason);
        call.summary = or(state.summary(), call.summary);
        call.sentiment = or(state.sentiment(), call.sentiment);
        call.successEvaluation = or(state.successEvaluation(), call.successEvaluation);
        call.structuredData = or(state.structuredData(), call.structuredData);
        call.disposition = or(state.disposition(), call.disposition);
        DispositionFlags flags = call.disposition == null ? DispositionFlags.NONE : call.disposition.flags();
        call.humanAnswered = flags.humanAnswered();
        call.completedFlag = flags.completed();
        call.callback = flags.callback();
        call.dnc = flags.dnc();
        call.voicemail = flags.voicemail();
        call.machine = flags.machine();
        call.lastEventAt = call.lastEventAt == null || now.isAfter(call.lastEventAt) ? now : call.lastEventAt;
        call.updatedAt = now;
        if (state.transcriptText() != null || state.transcriptTurns() != null) {
            CallTranscript existing = related.none() ? null : em.find(CallTranscript.class, call.id);
            CallTranscript transcript = existing != null ? existing : new CallTranscript();
            transcript.callId = call.id;
            transcript.tenantId = call.tenantId;
            transcript.text = state.transcriptText() != null ? state.transcriptText() : Payloads.text(state.transcriptTurns());
            transcript.turns = state.transcriptTurns() == null ? List.of() : state.transcriptTurns();
            transcript.wordCount = words(transcript.text);
            transcript.language = state.transcriptLanguage();
            transcript.confidence = state.transcriptConfidence() == null ? null : BigDecimal.valueOf(state.transcriptConfidence());
            transcript.updatedAt = now;
            if (existing == null) {
                em.persist(transcript);
            }
        }
        if (state.recordingUrl() != null) {
            CallRecording existing = related.recording();
            CallRecording recording = existing != null ? existing : new CallRecording();
            recording.callId = call.id;
            recording.tenantId = call.tenantId;
            recording.url = state.recordingUrl();
            recording.expiresAt = micros(state.recordingExpiresAt());
            recording.durationSeconds = state.recordingDurationSeconds();
            recording.updatedAt = now;
            if (existing == null) {
                em.persist(recording);
            }
            related = related.withRecording(recording);
        }
        em.flush();
        return related;
    }

    /** The events describing what changed since {@code before}, in the order they happened. */
    private List<Outbox.Pending<?>> changes(Snapshot before, Call call, Related related, OffsetDateTime now) {
        List<Outbox.Pending<?>> changes = new ArrayList<>();
        if (before.status != call.status) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_STATUS_CHANGED, new CallStatusChangedV1(str(call.id),
                    before.status.wire(), call.status.wire(), call.provider, call.providerCallId,
                    call.status.terminal() ? call.endedReason : null, now.toInstant())));
        }
        if (!before.status.terminal() && call.status.terminal()) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_COMPLETED, new CallCompletedV1(str(call.id), call.status.wire(),
                    call.disposition == null ? null : call.disposition.wire(),
                    duration(call), str(call.agentId), str(call.campaignId),
                    str(call.contactId), (call.endedAt == null ? now : call.endedAt).toInstant(), phone(call),
                    call.disposition == null ? null : flags(call), call.cost, call.provider, call.providerCallId,
                    call.endedReason)));
        }
        if (before.status.terminal() && call.status.terminal() && usageChanged(before, call)) {
            // the provider's final duration/cost came after call.completed (docs/call-model.md "Late duration and
            // cost"): consumers that bill or count minutes get the new totals and the ones they were told last
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_USAGE_CHANGED, new CallUsageChangedV1(str(call.id),
                    call.status.wire(), duration(call), call.cost, before.durationSeconds(), before.cost(),
                    str(call.agentId), str(call.campaignId), str(call.contactId), call.provider, call.providerCallId,
                    (call.endedAt == null ? now : call.endedAt).toInstant(), phone(call), now.toInstant())));
            LOG.infof("call usage changed tenant=%s call=%s duration=%d->%d cost=%s->%s", call.tenantId, call.id,
                    before.durationSeconds(), duration(call), before.cost(), call.cost);
        }
        Snapshot after = snapshot(call, related);
        if (!after.analysis().equals(before.analysis()) && after.analysis().stream().anyMatch(Objects::nonNull)) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_ANALYZED, new CallAnalyzedV1(str(call.id), str(call.contactId),
                    phone(call), call.summary, call.sentiment, call.structuredData, List.of(), now.toInstant(),
                    call.successEvaluation)));
        }
        CallRecording recording = related.recording();
        if (recording != null && !recording.url.equals(before.recordingUrl)) {
            changes.add(new Outbox.Pending<>(EventCatalog.CALL_RECORDING_READY, new CallRecordingReadyV1(str(call.id),
                    call.provider, recording.url, recording.expiresAt == null ? null : recording.expiresAt.toInstant(),
                    recording.durationSeconds, now.toInstant())));
        }
        return changes;
    }

    /** The calls this transaction's persistence context already holds (usually none). */
    private Collection<Call> managedCalls() {
        SessionImplementor session = em.unwrap(SessionImplementor.class);
        // getManagedEntities fails on a context that has never held an entity (Hibernate 7.2)
        return session.getPersistenceContextInternal().getNumberOfManagedEntities() == 0 ? List.of()
                : List.copyOf(session.getManagedEntities(Call.class));
    }

    /**
     * The agent a call names by provider agent id, within the call's connection (issue 10): set once, when the call
     * has no agent yet, so a call placed as an agent keeps it. One indexed lookup (agent_connection_provider_agent_unique).
     */
    private void linkAgent(Call call) {
        if (call.agentId != null || call.providerAgentId == null || call.connectionId == null) {
            return;
        }
        List<?> agent = em.createNativeQuery("""
                SELECT id FROM agent WHERE tenant_id = ?1 AND connection_id = ?2 AND provider_agent_id = ?3""")
                .setParameter(1, call.tenantId).setParameter(2, call.connectionId).setParameter(3, call.providerAgentId)
                .getResultList();
        if (!agent.isEmpty()) {
            call.agentId = (UUID) agent.get(0);
        }
    }

    /**
     * For an agent platform's event that names a Twilio CallSid (docs/inbound-routing.md "The agent's end-of-call
     * report"): the platform's own call when it exists (that call keeps its events), else the tenant's call with
     * provider twilio and that SID; locked, like every call an event applies to. Null for any other event, or when
     * neither exists (the event then creates its own call). Another tenant's call with the same SID is never found
     * (tenant_id in the lookup, and RLS).
     */
    private Call callOfTelephonyEvent(UUID tenantId, NormalizedEvent event) {
        if (event.telephonyCallSid() == null || TwilioNormalizer.PROVIDER.equals(event.provider())) {
            return null;
        }
        List<Call> own = locked(tenantId, event.provider(), event.providerCallId());
        if (!own.isEmpty()) {
            return own.get(0);
        }
        List<Call> telephony = locked(tenantId, TwilioNormalizer.PROVIDER, event.telephonyCallSid());
        if (telephony.isEmpty()) {
            return null;
        }
        LOG.infof("agent platform event joins the telephony call tenant=%s call=%s provider=%s", tenantId,
                telephony.get(0).id, event.provider());
        return telephony.get(0);
    }

    /** The tenant's call with this provider call id (at most one), locked for this transaction. */
    @SuppressWarnings("unchecked")
    private List<Call> locked(UUID tenantId, String provider, String providerCallId) {
        return em.createNativeQuery("""
                SELECT * FROM call WHERE tenant_id = ?1 AND provider = ?2 AND provider_call_id = ?3 FOR UPDATE""", Call.class)
                .setParameter(1, tenantId).setParameter(2, provider).setParameter(3, providerCallId)
                .getResultList();
    }

    /** Links a call created through the API to the provider's id the provider echoed our call id with. */
    private boolean attach(UUID tenantId, UUID connectionId, NormalizedEvent event) {
        return em.createNativeQuery("""
                UPDATE call SET provider = ?3, provider_call_id = ?4, connection_id = CAST(NULLIF(?5, '') AS uuid)
                WHERE tenant_id = ?1 AND id = ?2 AND provider IS NULL
                  AND NOT EXISTS (SELECT 1 FROM call other
                                  WHERE other.tenant_id = ?1 AND other.provider = ?3 AND other.provider_call_id = ?4)""")
                .setParameter(1, tenantId).setParameter(2, event.switchboardCallId())
                .setParameter(3, event.provider()).setParameter(4, event.providerCallId())
                .setParameter(5, connectionId == null ? "" : connectionId.toString())
                .executeUpdate() == 1;
    }

    /** What the call's events said before a change; duration and cost as call.completed/usage_changed publish them. */
    private record Snapshot(CallStatus status, List<Object> analysis, String recordingUrl, long durationSeconds,
            BigDecimal cost) {
    }

    private static Snapshot snapshot(Call call, Related related) {
        return new Snapshot(call.status, Arrays.asList(call.summary, call.sentiment, call.structuredData,
                call.successEvaluation), related.recording() == null ? null : related.recording().url, duration(call),
                call.cost);
    }

    /** The duration events publish: 0 while no event reported one. */
    private static long duration(Call call) {
        return call.durationSeconds == null ? 0 : call.durationSeconds;
    }

    /** A different duration, or a different cost (by value: 0.12 and 0.1200 are the same cost). */
    static boolean usageChanged(Snapshot before, Call call) {
        boolean costChanged = before.cost() == null ? call.cost != null
                : call.cost == null || before.cost().compareTo(call.cost) != 0;
        return before.durationSeconds() != duration(call) || costChanged;
    }

    /** The other party's number: the caller of an inbound call, the callee of an outbound one. */
    public static String phone(Call call) {
        return call.direction == CallDirection.INBOUND ? call.fromNumber : call.toNumber;
    }

    static CallFlagsV1 flags(Call call) {
        return new CallFlagsV1(call.humanAnswered, call.completedFlag, call.callback, call.dnc, call.voicemail, call.machine);
    }

    private static int words(String text) {
        return text == null || text.isBlank() ? 0 : text.trim().split("\\s+").length;
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    private static OffsetDateTime micros(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }

    private static String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return Payloads.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static NormalizedEvent read(String json) {
        try {
            return Payloads.JSON.readValue(json, NormalizedEvent.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
