package io.switchboard.campaigns.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.campaigns.campaign.Campaign;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallFlagsV1;

class OutcomeRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 24, 15, 0, 0, 0, ZoneOffset.UTC);

    private static Campaign campaign() {
        Campaign c = new Campaign();
        c.retryBusyMinutes = 10;
        c.retryNoAnswerMinutes = 20;
        c.retryVoicemailMinutes = 30;
        c.retryFailedMinutes = 40;
        return c;
    }

    @Test
    void eachRetryableOutcomeWaitsItsOwnIntervalWhileRetriesRemain() {
        assertEquals(NOW.plusMinutes(10), OutcomeRules.after(Outcome.BUSY, 1, 0, 2, campaign(), null, NOW).scheduledFor());
        assertEquals(NOW.plusMinutes(20), OutcomeRules.after(Outcome.NO_ANSWER, 1, 0, 2, campaign(), null, NOW).scheduledFor());
        assertEquals(NOW.plusMinutes(30), OutcomeRules.after(Outcome.VOICEMAIL, 2, 0, 2, campaign(), null, NOW).scheduledFor());
        OutcomeRules.Next failed = OutcomeRules.after(Outcome.FAILED, 1, 0, 2, campaign(), null, NOW);
        assertEquals(NOW.plusMinutes(40), failed.scheduledFor());
        assertEquals("pending", failed.status());
        assertEquals("retry", failed.kind());
    }

    @Test
    void withNoRetryLeftTheOutcomeIsFinalAndVoicemailEndsAsNoAnswer() {
        assertEquals("busy", OutcomeRules.after(Outcome.BUSY, 3, 0, 2, campaign(), null, NOW).status());
        assertEquals("no_answer", OutcomeRules.after(Outcome.VOICEMAIL, 3, 0, 2, campaign(), null, NOW).status());
        assertEquals("failed", OutcomeRules.after(Outcome.FAILED, 1, 0, 0, campaign(), null, NOW).status());
    }

    @Test
    void expiredRequestsDoNotCountAgainstTheRetries() {
        assertEquals("pending", OutcomeRules.after(Outcome.BUSY, 3, 1, 2, campaign(), null, NOW).status());
    }

    @Test
    void dncIsCancelledAndNeverRetriedEvenWithACallbackAsked() {
        OutcomeRules.Next next = OutcomeRules.after(Outcome.DNC, 1, 0, 5, campaign(), NOW.plusDays(1), NOW);
        assertEquals("cancelled", next.status());
        assertNull(next.scheduledFor());
    }

    @Test
    void aCallbackGoesAheadOfRetriesAtItsMoment() {
        OutcomeRules.Next next = OutcomeRules.after(Outcome.COMPLETED, 3, 0, 0, campaign(), NOW.plusHours(5), NOW);
        assertEquals("pending", next.status());
        assertEquals("callback", next.kind());
        assertEquals(NOW.plusHours(5), next.scheduledFor());
        assertTrue(next.priority() > 0);
    }

    @Test
    void aDirectCallIsDialedOnce() {
        assertEquals("busy", OutcomeRules.after(Outcome.BUSY, 1, 0, 5, null, null, NOW).status());
    }

    @Test
    void callStatusDispositionAndFlagsMapToOutcomes() {
        assertEquals(Outcome.DNC, Outcome.of(call("completed", "dnc", null)));
        assertEquals(Outcome.DNC, Outcome.of(call("completed", "sale", new CallFlagsV1(true, true, false, true, false, false))));
        assertEquals(Outcome.BUSY, Outcome.of(call("busy", null, null)));
        assertEquals(Outcome.NO_ANSWER, Outcome.of(call("no_answer", null, null)));
        assertEquals(Outcome.FAILED, Outcome.of(call("canceled", null, null)));
        assertEquals(Outcome.VOICEMAIL, Outcome.of(call("completed", "voicemail", null)));
        assertEquals(Outcome.VOICEMAIL, Outcome.of(call("completed", null, new CallFlagsV1(false, false, false, false, false, true))));
        assertEquals(Outcome.COMPLETED, Outcome.of(call("completed", "sale", null)));
    }

    @Test
    void callbacksAreReadWithAnOffsetOrInTheRecipientsZone() {
        ZoneId ny = ZoneId.of("America/New_York");
        assertEquals(OffsetDateTime.parse("2026-11-25T20:00:00Z"),
                Callbacks.requested(Map.of("callback_local", "2026-11-25T15:00"), ny, NOW).orElseThrow());
        assertEquals(OffsetDateTime.parse("2026-11-25T14:00:00Z"),
                Callbacks.requested(Map.of("callback_at", "2026-11-25T15:00:00+01:00"), ny, NOW).orElseThrow());
        // DST: 2027-03-14 is the US spring-forward day, 15:00 is then UTC-4
        assertEquals(OffsetDateTime.parse("2027-03-15T19:00:00Z"),
                Callbacks.requested(Map.of("callbackLocal", "2027-03-15T15:00"), ny, NOW).orElseThrow());
        assertTrue(Callbacks.requested(Map.of("callback_at", "2026-11-20T15:00:00Z"), ny, NOW).isEmpty(), "past");
        assertTrue(Callbacks.requested(Map.of("callback_at", "tuesday"), ny, NOW).isEmpty(), "unreadable");
        assertTrue(Callbacks.requested(Map.of("summary", "x"), ny, NOW).isEmpty(), "nothing asked");
    }

    @Test
    void dialRequestIdsNameTheirQueueItem() {
        assertEquals("7a1e2d3c-4b5a-4697-8e8f-9a0b1c2d3e4f",
                QueueOutcomes.itemOf("7a1e2d3c-4b5a-4697-8e8f-9a0b1c2d3e4f:2").orElseThrow().toString());
        assertTrue(QueueOutcomes.itemOf("nonsense").isEmpty());
        assertTrue(QueueOutcomes.itemOf(null).isEmpty());
    }

    private static CallCompletedV1 call(String status, String disposition, CallFlagsV1 flags) {
        return new CallCompletedV1("c", status, disposition, 10, null, null, null, NOW.toInstant(), "+14155550123", flags, null,
                null, null, null);
    }
}
