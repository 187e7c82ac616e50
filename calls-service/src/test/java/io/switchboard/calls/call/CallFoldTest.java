package io.switchboard.calls.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.switchboard.calls.webhook.Fixtures;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Normalizers;
import io.switchboard.calls.webhook.Payloads;

/** The pure half of "any order gives the same state": every permutation of every fixture sequence. */
class CallFoldTest {

    @TestFactory
    Stream<DynamicTest> everyPermutationOfEveryFixtureSequenceFoldsToTheInOrderState() {
        return Fixtures.sequences().stream().map(sequence -> DynamicTest.dynamicTest(sequence.toString(), () -> {
            List<NormalizedEvent> events = normalized(sequence);
            NormalizedEvent inOrder = CallFold.fold(events);
            int permutations = 0;
            for (List<NormalizedEvent> order : permutations(events)) {
                assertEquals(inOrder, CallFold.fold(roundTrip(order)), () -> sequence + " in order " + order.stream()
                        .map(NormalizedEvent::eventType).toList());
                permutations++;
            }
            assertTrue(permutations >= 1);
        }));
    }

    @TestFactory
    Stream<DynamicTest> theStatusNeverMovesBackwardsWhileEventsArriveInAnyOrder() {
        return Fixtures.sequences().stream().map(sequence -> DynamicTest.dynamicTest(sequence.toString(), () -> {
            for (List<NormalizedEvent> order : permutations(normalized(sequence))) {
                int rank = -1;
                for (int i = 1; i <= order.size(); i++) {
                    int now = CallFold.fold(order.subList(0, i)).status().rank();
                    assertTrue(now >= rank, sequence + ": status moved backwards");
                    rank = now;
                }
            }
        }));
    }

    @Test
    void expectedFinalStatesOfTheFixtures() {
        assertEquals(Disposition.ANSWERED_HUMAN, fold("twilio", "outbound-completed").disposition());
        assertEquals(Disposition.BUSY, fold("twilio", "outbound-busy").disposition());
        assertEquals(Disposition.VOICEMAIL, fold("twilio", "inbound-voicemail").disposition());
        assertEquals(Disposition.ANSWERED_HUMAN, fold("vapi", "outbound-completed").disposition());
        assertEquals(Disposition.VOICEMAIL, fold("vapi", "outbound-voicemail").disposition());
        // structured data turns an answered call into a callback request / a do-not-call
        assertEquals(Disposition.CALLBACK_REQUESTED, fold("retell", "outbound-analyzed").disposition());
        assertEquals(Disposition.DO_NOT_CALL, fold("bolna", "outbound-completed").disposition());
        assertEquals(CallStatus.NO_ANSWER, fold("bolna", "outbound-no-answer").status());
        assertEquals(CallStatus.BUSY, fold("elevenlabs", "outbound-busy").status());
        NormalizedEvent twilio = fold("twilio", "outbound-completed");
        assertEquals(CallStatus.COMPLETED, twilio.status());
        assertEquals(93, twilio.durationSeconds());
        assertTrue(twilio.recordingUrl() != null);
    }

    @Test
    void lateTranscriptAfterCompletionStillFillsFieldsWithoutMovingTheStatus() {
        NormalizedEvent completed = NormalizedEvent.builder("vapi", "c1", "c1/ended", "ended")
                .status(CallStatus.COMPLETED).endedReason("customer-ended-call")
                .disposition(Disposition.ANSWERED_HUMAN).build();
        NormalizedEvent late = NormalizedEvent.builder("vapi", "c1", "c1/late", "late")
                .status(CallStatus.IN_PROGRESS).transcriptText("User: hello").summary("late summary").build();
        NormalizedEvent state = CallFold.fold(List.of(completed, late));
        assertEquals(CallStatus.COMPLETED, state.status());
        assertEquals("User: hello", state.transcriptText());
        assertEquals("late summary", state.summary());
    }

    @Test
    void aManualDispositionOverridesTheProvidersAndAReconciliationLosesToAProvidersFinalWord() {
        NormalizedEvent provider = NormalizedEvent.builder("retell", "c1", "c1/ended", "call_ended")
                .status(CallStatus.COMPLETED).disposition(Disposition.ANSWERED_HUMAN).build();
        NormalizedEvent manual = NormalizedEvent.builder(CallFold.SWITCHBOARD, "c1", "manual/1", "disposition_set")
                .disposition(Disposition.CALLBACK_REQUESTED).build();
        assertEquals(Disposition.CALLBACK_REQUESTED, CallFold.fold(List.of(manual, provider)).disposition());

        NormalizedEvent reconciled = NormalizedEvent.builder(CallFold.SWITCHBOARD, "c1", "reconciled/1", "reconciled")
                .status(CallStatus.FAILED).endedReason("no_final_event").disposition(Disposition.FAILED)
                .occurredAt(java.time.Instant.parse("2030-01-01T00:00:00Z")).build();
        NormalizedEvent state = CallFold.fold(List.of(provider, reconciled));
        assertEquals(CallStatus.COMPLETED, state.status());
        assertEquals(Disposition.ANSWERED_HUMAN, state.disposition());
        assertEquals(CallStatus.FAILED, CallFold.fold(List.of(reconciled)).status());
    }

    @Test
    void vocabularyFlagsFollowViciDial() {
        assertTrue(Disposition.ANSWERED_HUMAN.flags().humanAnswered() && Disposition.ANSWERED_HUMAN.flags().completed());
        assertTrue(Disposition.CALLBACK_REQUESTED.flags().callback());
        assertTrue(Disposition.DO_NOT_CALL.flags().dnc());
        assertTrue(Disposition.VOICEMAIL.flags().voicemail() && Disposition.VOICEMAIL.flags().machine());
        assertTrue(Disposition.MACHINE.flags().machine() && !Disposition.MACHINE.flags().voicemail());
        assertEquals(DispositionFlags.NONE, Disposition.BUSY.flags());
        assertEquals(DispositionFlags.NONE, Disposition.NO_ANSWER.flags());
        assertEquals(DispositionFlags.NONE, Disposition.FAILED.flags());
    }

    private static NormalizedEvent fold(String provider, String name) {
        return CallFold.fold(normalized(Fixtures.sequences().stream()
                .filter(s -> s.provider().equals(provider) && s.name().equals(name)).findFirst().orElseThrow()));
    }

    static List<NormalizedEvent> normalized(Fixtures.Sequence sequence) {
        return sequence.deliveries(UUID.randomUUID(), UUID.randomUUID()).stream()
                .map(d -> Normalizers.of(d.provider()).orElseThrow().normalize(d))
                .filter(n -> !n.ignored()).map(n -> n.event()).toList();
    }

    /** As stored on the timeline and read back: the fold must not depend on what JSON loses. */
    private static List<NormalizedEvent> roundTrip(List<NormalizedEvent> events) {
        return events.stream().map(e -> {
            try {
                return Payloads.JSON.readValue(Payloads.JSON.writeValueAsString(e), NormalizedEvent.class);
            } catch (Exception ex) {
                throw new AssertionError(ex);
            }
        }).toList();
    }

    static <T> List<List<T>> permutations(List<T> items) {
        if (items.size() <= 1) {
            return List.of(items);
        }
        List<List<T>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<T> rest = new ArrayList<>(items);
            T head = rest.remove(i);
            for (List<T> tail : permutations(rest)) {
                List<T> one = new ArrayList<>();
                one.add(head);
                one.addAll(tail);
                all.add(one);
            }
        }
        return all;
    }
}
