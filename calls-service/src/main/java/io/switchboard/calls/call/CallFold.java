package io.switchboard.calls.call;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.switchboard.calls.webhook.NormalizedEvent;

/**
 * A call's state as a pure function of the SET of its events, so any arrival order gives the same result.
 *
 * <p>Events are sorted by a total order that needs no arrival time: lifecycle phase first (the status rank, then
 * post-call data without a status, then manual changes), then the provider's own time and sequence, then the event
 * identity. Every field is the last non-null value in that order, so late data (a transcript after completion)
 * fills fields without undoing others. The status is the highest-ranked one reported, so it never moves backwards;
 * among terminal statuses the last in the order wins, and a provider's terminal status outranks a reconciliation's.
 */
public final class CallFold {

    /** the provider name of events Switchboard itself records (manual disposition, reconciliation) */
    public static final String SWITCHBOARD = "switchboard";

    private static final Set<String> CALLBACK_KEYS = Set.of("callback_requested", "callbackRequested", "callback_user",
            "callback");

    static final Comparator<NormalizedEvent> ORDER = Comparator
            .comparingInt(CallFold::phase)
            .thenComparingInt(CallFold::authority)
            .thenComparing(NormalizedEvent::occurredAt, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(NormalizedEvent::sequence, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(e -> e.eventIdentity() == null ? "" : e.eventIdentity());

    private CallFold() {
    }

    /** The merged state of the events (none of them modified); {@code eventIdentity} etc. of the result are meaningless. */
    public static NormalizedEvent fold(List<NormalizedEvent> events) {
        List<NormalizedEvent> ordered = events.stream().sorted(ORDER).toList();
        NormalizedEvent.Builder state = NormalizedEvent.builder(null, null, null, null);
        CallStatus status = CallStatus.QUEUED;
        Disposition manual = null;
        for (NormalizedEvent e : ordered) {
            if (e.status() != null && e.status().rank() >= status.rank()) {
                status = e.status();
            }
            if (SWITCHBOARD.equals(e.provider()) && e.status() == null && e.disposition() != null) {
                manual = e.disposition();
            }
        }
        state.status(status);
        state.provider(last(ordered, NormalizedEvent::provider, true));
        state.providerCallId(last(ordered, NormalizedEvent::providerCallId, true));
        state.direction(last(ordered, NormalizedEvent::direction, false));
        state.fromNumber(last(ordered, NormalizedEvent::fromNumber, false));
        state.toNumber(last(ordered, NormalizedEvent::toNumber, false));
        state.providerAgentId(last(ordered, NormalizedEvent::providerAgentId, false));
        state.startedAt(last(ordered, NormalizedEvent::startedAt, false));
        state.endedAt(last(ordered, NormalizedEvent::endedAt, false));
        state.durationSeconds(last(ordered, NormalizedEvent::durationSeconds, false));
        state.cost(last(ordered, NormalizedEvent::cost, false));
        state.endedReason(last(ordered, NormalizedEvent::endedReason, false));
        state.summary(last(ordered, NormalizedEvent::summary, false));
        state.sentiment(last(ordered, NormalizedEvent::sentiment, false));
        state.successEvaluation(last(ordered, NormalizedEvent::successEvaluation, false));
        Map<String, Object> structured = last(ordered, NormalizedEvent::structuredData, false);
        state.structuredData(structured);
        state.transcriptText(last(ordered, NormalizedEvent::transcriptText, false));
        state.transcriptTurns(last(ordered, NormalizedEvent::transcriptTurns, false));
        state.transcriptLanguage(last(ordered, NormalizedEvent::transcriptLanguage, false));
        state.transcriptConfidence(last(ordered, NormalizedEvent::transcriptConfidence, false));
        state.recordingUrl(last(ordered, NormalizedEvent::recordingUrl, false));
        state.recordingExpiresAt(last(ordered, NormalizedEvent::recordingExpiresAt, false));
        state.recordingDurationSeconds(last(ordered, NormalizedEvent::recordingDurationSeconds, false));
        state.switchboardCallId(last(ordered, NormalizedEvent::switchboardCallId, false));

        NormalizedEvent folded = state.build();
        Disposition disposition = manual != null ? manual
                : refine(last(ordered.stream().filter(e -> !SWITCHBOARD.equals(e.provider()) || e.status() != null).toList(),
                        NormalizedEvent::disposition, false), status, structured);
        Integer duration = folded.durationSeconds();
        if (duration == null && folded.startedAt() != null && folded.endedAt() != null
                && !folded.endedAt().isBefore(folded.startedAt())) {
            duration = (int) Duration.between(folded.startedAt(), folded.endedAt()).toSeconds();
        }
        return folded.toBuilder().disposition(disposition).durationSeconds(duration).build();
    }

    /**
     * A terminal call without a reported disposition takes the one its status implies; a call a person answered
     * becomes callback_requested or do_not_call when the provider's structured data says so.
     */
    static Disposition refine(Disposition reported, CallStatus status, Map<String, Object> structured) {
        Disposition disposition = reported;
        if (disposition == null && status.terminal()) {
            disposition = switch (status) {
                case BUSY -> Disposition.BUSY;
                case NO_ANSWER -> Disposition.NO_ANSWER;
                case FAILED -> Disposition.FAILED;
                case CANCELED -> Disposition.CANCELED;
                default -> null;
            };
        }
        if (structured != null && disposition != null && disposition.flags().humanAnswered()) {
            if (io.switchboard.events.call.CallAnalyzedV1.asksNotToBeCalled(structured)) {
                return Disposition.DO_NOT_CALL;
            }
            if (CALLBACK_KEYS.stream().anyMatch(k -> truthy(structured.get(k)))) {
                return Disposition.CALLBACK_REQUESTED;
            }
        }
        return disposition;
    }

    private static boolean truthy(Object value) {
        return Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value))
                || "yes".equalsIgnoreCase(String.valueOf(value));
    }

    private static <T> T last(List<NormalizedEvent> ordered, Function<NormalizedEvent, T> field, boolean providerOnly) {
        T value = null;
        for (NormalizedEvent e : ordered) {
            T candidate = field.apply(e);
            if (candidate != null && !(providerOnly && SWITCHBOARD.equals(e.provider()))) {
                value = candidate;
            }
        }
        return value;
    }

    /** queued..in_progress 0-3, terminal 4, post-call data without a status 5, manual changes 6. */
    static int phase(NormalizedEvent e) {
        if (e.status() != null) {
            return e.status().rank();
        }
        return SWITCHBOARD.equals(e.provider()) ? 6 : 5;
    }

    /** Switchboard's own terminal verdict (reconciliation) sorts before any provider's, so a provider's late final word wins. */
    private static int authority(NormalizedEvent e) {
        return SWITCHBOARD.equals(e.provider()) && e.status() != null ? 0 : 1;
    }
}
