package io.switchboard.calls.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.calls.call.CallService;
import io.switchboard.calls.call.CallView;
import io.switchboard.calls.call.SetDispositionRequest;
import io.switchboard.platform.problem.ProblemException;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;

/** The call model through real PostgreSQL: any order, duplicates and concurrency. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class CallModelDeliveryProcessorTest {

    private static final int SHUFFLES = 12;

    @Inject
    DeliveryProcessor processor;

    @Inject
    CallService calls;

    @Inject
    EntityManager em;

    @Inject
    io.switchboard.calls.call.CallModel model;

    @TestFactory
    Stream<DynamicTest> everyFixtureSequenceInManySeededShufflesEndsInTheInOrderState() {
        return Fixtures.sequences().stream().map(sequence -> DynamicTest.dynamicTest(sequence.toString(), () -> {
            UUID first = UUID.randomUUID();
            Map<String, Object> inOrder = finalState(sequence, sequence.deliveries(first, UUID.randomUUID()), first);
            for (long seed = 1; seed <= SHUFFLES; seed++) {
                UUID tenant = UUID.randomUUID();
                List<VerifiedDelivery> shuffled = new ArrayList<>(sequence.deliveries(tenant, UUID.randomUUID()));
                Collections.shuffle(shuffled, new Random(seed));
                long s = seed;
                assertEquals(inOrder, finalState(sequence, shuffled, tenant), () -> sequence + " shuffled with seed " + s);
            }
        }));
    }

    @Test
    void theSameDeliveryThreeTimesConcurrentlyMakesOneCallOneTimelineEntryAndOneEvent() throws Exception {
        UUID tenant = UUID.randomUUID();
        VerifiedDelivery report = Fixtures.delivery("vapi", Fixtures.root().resolve("vapi/outbound-completed/04-end-of-call-report.json"),
                tenant, UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProcessingResult>> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            results.add(pool.submit(() -> {
                start.await();
                return processor.process(report);
            }));
        }
        start.countDown();
        List<ProcessingResult.Outcome> outcomes = new ArrayList<>();
        UUID callId = null;
        for (Future<ProcessingResult> result : results) {
            ProcessingResult r = result.get(60, TimeUnit.SECONDS);
            outcomes.add(r.outcome());
            callId = r.callId();
        }
        pool.shutdown();
        assertEquals(1, Collections.frequency(outcomes, ProcessingResult.Outcome.ACCEPTED), outcomes.toString());
        assertEquals(2, Collections.frequency(outcomes, ProcessingResult.Outcome.DUPLICATE), outcomes.toString());
        assertEquals(1L, count(tenant, "SELECT count(*) FROM call WHERE tenant_id = ?1"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM call_event WHERE tenant_id = ?1"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.completed.v1'"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.analyzed.v1'"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.recording_ready.v1'"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.initiated.v1'"));
        assertNotNull(callId);
    }

    @Test
    void differentEventsOfANewCallArrivingTogetherCreateOneCall() throws Exception {
        UUID tenant = UUID.randomUUID();
        Fixtures.Sequence bolna = sequence("bolna", "outbound-completed");
        List<VerifiedDelivery> deliveries = bolna.deliveries(tenant, UUID.randomUUID());
        ExecutorService pool = Executors.newFixedThreadPool(deliveries.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ProcessingResult>> results = new ArrayList<>();
        for (VerifiedDelivery d : deliveries) {
            results.add(pool.submit(() -> {
                start.await();
                return processor.process(d);
            }));
        }
        start.countDown();
        for (Future<ProcessingResult> r : results) {
            assertEquals(ProcessingResult.Outcome.ACCEPTED, r.get(60, TimeUnit.SECONDS).outcome());
        }
        pool.shutdown();
        assertEquals(1L, count(tenant, "SELECT count(*) FROM call WHERE tenant_id = ?1"));
        assertEquals((long) deliveries.size(), count(tenant, "SELECT count(DISTINCT event_sequence) FROM call_event WHERE tenant_id = ?1"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.completed.v1'"));
        assertEquals("do_not_call", TenantScope.call(tenant, () -> calls.list(tenant,
                io.switchboard.platform.paging.PageRequest.of(10, null)).items().get(0).disposition().wire()));
    }

    @Test
    void ignoredAndMalformedDeliveriesStoreNothing() {
        UUID tenant = UUID.randomUUID();
        VerifiedDelivery ignored = Fixtures.delivery("vapi", Fixtures.root().resolve("vapi/other/transcript.json"), tenant, null);
        assertEquals(ProcessingResult.Outcome.IGNORED, processor.process(ignored).outcome());
        ProcessingResult malformed = processor.process(new VerifiedDelivery(tenant, null, "retell", "", "application/json",
                "{\"event\":\"call_ended\"}".getBytes(), Map.of(), null));
        assertEquals(ProcessingResult.Outcome.MALFORMED, malformed.outcome());
        assertEquals("call: is required", malformed.detail());
        assertEquals(ProcessingResult.Outcome.MALFORMED, processor.process(new VerifiedDelivery(tenant, null, "acme", "",
                "application/json", "{}".getBytes(), Map.of(), null)).outcome());
        assertEquals(0L, count(tenant, "SELECT count(*) FROM call WHERE tenant_id = ?1"));
    }

    @Test
    void twilioVoiceWebhookIsAnsweredWithTwiml() {
        VerifiedDelivery voice = Fixtures.delivery("twilio", Fixtures.root().resolve("twilio/inbound-voicemail/01-voice.form"),
                UUID.randomUUID(), UUID.randomUUID());
        ProcessingResult result = processor.process(voice);
        assertEquals(ProcessingResult.Outcome.ACCEPTED, result.outcome());
        assertEquals("application/xml", result.responseContentType());
        assertTrue(result.responseBody().contains("<Response"));
        assertEquals(ProcessingResult.Outcome.DUPLICATE, processor.process(voice).outcome());
    }

    @Test
    void aManualDispositionOverridesTheProvidersGoesOnTheTimelineAndIsPublished() {
        UUID tenant = UUID.randomUUID();
        UUID callId = null;
        for (VerifiedDelivery d : sequence("vapi", "outbound-voicemail").deliveries(tenant, UUID.randomUUID())) {
            callId = processor.process(d).callId();
        }
        UUID id = callId;
        CallView updated = TenantScope.call(tenant, () -> calls.setDisposition(tenant, id,
                new SetDispositionRequest("callback_requested", "after 5pm")));
        assertEquals("callback_requested", updated.disposition().wire());
        assertTrue(updated.flags().callback());
        assertEquals("disposition_set", TenantScope.call(tenant, () -> {
            var timeline = calls.timeline(tenant, id);
            return timeline.get(timeline.size() - 1).type();
        }));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.disposition_changed.v1'"));
        // a later provider event does not undo the person's disposition
        VerifiedDelivery late = Fixtures.body("vapi", "", "{\"message\":{\"type\":\"status-update\",\"status\":\"ended\","
                + "\"endedReason\":\"customer-did-not-answer\",\"call\":{\"id\":\"d7e8f9a0-1b2c-4d3e-8f4a-5b6c7d8e9f01\"}}}");
        assertEquals(ProcessingResult.Outcome.ACCEPTED, processor.process(new VerifiedDelivery(tenant, null, "vapi", "",
                "application/json", late.body(), Map.of(), null)).outcome());
        assertEquals("callback_requested", TenantScope.call(tenant, () -> calls.get(tenant, id)).disposition().wire());
        ProblemException bad = org.junit.jupiter.api.Assertions.assertThrows(ProblemException.class, () -> TenantScope.call(tenant,
                () -> calls.setDisposition(tenant, id, new SetDispositionRequest("sale", null))));
        assertNotNull(bad);
    }

    @Test
    void aStuckCallMarkedFailedIsOnTheTimelineAndPublishedAndAProvidersLateFinalWordStillWins() {
        UUID tenant = UUID.randomUUID();
        List<VerifiedDelivery> deliveries = sequence("vapi", "outbound-voicemail").deliveries(tenant, UUID.randomUUID());
        UUID id = processor.process(deliveries.get(0)).callId();
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> model.markFailed(em.find(io.switchboard.calls.call.Call.class, id),
                    "no_final_event", java.time.Instant.now()));
            return null;
        });
        // each read in its own transaction, so it sees the database rather than this test's earlier reads
        CallView failed = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> calls.get(tenant, id)));
        assertEquals("failed", failed.status().wire());
        assertEquals("no_final_event", failed.endedReason());
        assertEquals("failed", failed.disposition().wire());
        assertEquals(1L, count(tenant, "SELECT count(*) FROM call_event WHERE tenant_id = ?1 AND type = 'reconciled'"));
        assertEquals(1L, count(tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = 'io.switchboard.call.completed.v1'"));

        processor.process(deliveries.get(1));
        CallView reported = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> calls.get(tenant, id)));
        assertEquals("completed", reported.status().wire());
        assertEquals("voicemail", reported.disposition().wire());
    }

    /** The call's state after the deliveries, without what differs by nature (ids, arrival times). */
    private Map<String, Object> finalState(Fixtures.Sequence sequence, List<VerifiedDelivery> deliveries, UUID tenant) {
        UUID callId = null;
        for (VerifiedDelivery d : deliveries) {
            ProcessingResult result = processor.process(d);
            assertTrue(result.outcome() == ProcessingResult.Outcome.ACCEPTED || result.outcome() == ProcessingResult.Outcome.IGNORED,
                    () -> sequence + ": " + result);
            callId = result.callId() != null ? result.callId() : callId;
        }
        UUID id = callId;
        return TenantScope.call(tenant, () -> {
            CallView call = calls.get(tenant, id);
            Map<String, Object> state = new LinkedHashMap<>();
            state.put("status", call.status());
            state.put("direction", call.direction());
            state.put("from", call.fromNumber());
            state.put("to", call.toNumber());
            state.put("provider", call.provider());
            state.put("providerCallId", call.providerCallId());
            state.put("agent", call.providerAgentId());
            state.put("disposition", call.disposition());
            state.put("flags", call.flags());
            state.put("startedAt", call.startedAt());
            state.put("endedAt", call.endedAt());
            state.put("duration", call.durationSeconds());
            state.put("cost", call.cost() == null ? null : call.cost().stripTrailingZeros());
            state.put("endedReason", call.endedReason());
            state.put("summary", call.summary());
            state.put("sentiment", call.sentiment());
            state.put("success", call.successEvaluation());
            state.put("structured", call.structuredData());
            try {
                var t = calls.transcript(tenant, id);
                state.put("transcript", List.of(String.valueOf(t.text()), t.turns(), t.wordCount()));
            } catch (ProblemException none) {
                state.put("transcript", null);
            }
            try {
                var r = calls.recording(tenant, id);
                state.put("recording", List.of(r.url(), String.valueOf(r.durationSeconds())));
            } catch (ProblemException none) {
                state.put("recording", null);
            }
            state.put("timelineLength", calls.timeline(tenant, id).size());
            return state;
        });
    }

    private static Fixtures.Sequence sequence(String provider, String name) {
        return Fixtures.sequences().stream().filter(s -> s.provider().equals(provider) && s.name().equals(name))
                .findFirst().orElseThrow();
    }

    private long count(UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }
}
