package io.switchboard.campaigns.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.compliance.ComplianceRules;
import io.switchboard.campaigns.compliance.DbValues;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallUsageChangedV1;
import io.switchboard.events.call.CallFailedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.consent.ConsentGrantedV1;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.events.customer.CustomerDoNotContactChangedV1;
import io.switchboard.events.dial.DialExpiredV1;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.events.dnc.DncNumberRemovedV1;
import io.switchboard.events.dnc.OptOutAddedV1;
import io.switchboard.platform.tenant.TenantScope;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The claim loop against real PostgreSQL: claims, order, fairness, caps, leases, slots and each dial-time rule. */
@QuarkusTest
class DispatcherTest {

    @Inject
    Dispatcher dispatcher;

    @Inject
    DialerFixtures fx;

    @Inject
    ComplianceRules rules;

    @BeforeEach
    void replicasCurrent() {
        fx.awaitReplicasCurrent();
    }

    private void round() {
        dispatcher.round(Instant.now());
    }

    @Test
    void aDueDirectCallIsClaimedWithALeaseASlotADecisionAndExactlyOneDialRequest() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        assertEquals("processing", fx.status(tenant, item));
        assertEquals(item + ":1", fx.dialRequestId(tenant, item));
        assertEquals(1L, fx.count(tenant, "SELECT attempts FROM call_queue WHERE id = ?1", item));
        assertEquals(dispatcher.owner(), fx.one(tenant, "SELECT lease_owner FROM call_queue WHERE id = ?1", item));
        assertEquals(1L, fx.slots(tenant));
        assertEquals(1L, fx.dialRequests(tenant, item));
        assertEquals(1L, fx.count(tenant, "SELECT count(*) FROM dial_decision WHERE queue_item_id = ?1 AND outcome = 'dialed'", item));
        round(); // a processing row is never claimed again
        assertEquals(1L, fx.dialRequests(tenant, item));
    }

    @Test
    void aTurnThatDialsAndSkipsManyRowsAtOnceGivesEveryRowItsOwnStateSlotRecordAndEvent() {
        // a turn writes all its rows, slots, records and events in one statement each: nothing may be cross-wired
        UUID tenant = fx.tenantWithCredits();
        limit(tenant, 50);
        UUID campaign = fx.campaign(tenant, null);
        String open = DialerFixtures.openZone();
        String closed = DialerFixtures.closedZone();
        List<UUID> dialable = new ArrayList<>();
        List<UUID> outside = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            dialable.add(fx.item(tenant, campaign, DialerFixtures.phone(), open, null));
            outside.add(fx.item(tenant, campaign, DialerFixtures.phone(), closed, null));
        }
        round();
        for (UUID item : dialable) {
            String request = item + ":1";
            assertEquals("processing", fx.status(tenant, item));
            assertEquals(request, fx.dialRequestId(tenant, item));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM call_queue WHERE id = ?1 AND attempts = 1 AND lease_owner = ?2
                      AND lease_expires_at > now() AND last_attempt_at IS NOT NULL AND last_skip_reason IS NULL""",
                    item, dispatcher.owner()));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM active_call WHERE dial_request_id = ?1 AND queue_item_id = ?2 AND campaign_id = ?3
                      AND call_type = 'campaign' AND expires_at > taken_at""", request, item, campaign));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM dial_decision d JOIN call_queue q ON q.id = d.queue_item_id
                    WHERE d.queue_item_id = ?1 AND d.outcome = 'dialed' AND d.dial_request_id = ?2 AND d.attempt = 1
                      AND d.phone = q.phone AND d.campaign_id = ?3 AND d.not_after > d.decided_at
                      AND d.detail -> 'zones' ->> 0 = ?4 AND d.lease_owner = ?5""", item, request, campaign, open,
                    dispatcher.owner()));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM outbox_event o JOIN call_queue q ON q.id::text = o.event_key
                    WHERE o.event_key = ?1 AND o.event_type = 'io.switchboard.dial.requested.v1'
                      AND o.cloud_event::jsonb -> 'data' ->> 'toNumber' = q.phone
                      AND o.cloud_event::jsonb -> 'data' ->> 'dialRequestId' = ?2""", item.toString(), request));
        }
        for (UUID item : outside) {
            assertEquals("pending", fx.status(tenant, item));
            assertEquals("outside_window", fx.skipReason(tenant, item));
            assertNull(fx.dialRequestId(tenant, item));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM dial_decision d JOIN call_queue q ON q.id = d.queue_item_id
                    WHERE d.queue_item_id = ?1 AND d.outcome = 'skipped' AND d.skip_reason = 'outside_window'
                      AND d.attempt = 1 AND d.next_attempt_at = q.scheduled_for AND q.scheduled_for > now()
                      AND d.phone = q.phone AND q.attempts = 0 AND q.lease_owner IS NULL""", item));
            assertEquals(1L, fx.count(tenant, """
                    SELECT count(*) FROM outbox_event WHERE event_key = ?1 AND event_type = 'io.switchboard.queue.item_skipped.v1'
                      AND cloud_event::jsonb -> 'data' ->> 'reason' = 'outside_window'""", item.toString()));
        }
        assertEquals(15L, fx.slots(tenant));
    }

    @Test
    void everyTurnCountsItsLeaseAndNotAfterFromItsOwnStartNotFromTheRounds() {
        UUID first = fx.tenantWithCredits();
        UUID second = fx.tenantWithCredits();
        String zone = DialerFixtures.openZone();
        UUID a = fx.item(first, null, DialerFixtures.phone(), zone, null);
        UUID b = fx.item(second, null, DialerFixtures.phone(), zone, null);
        Instant roundStart = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant turnStart = roundStart.plusSeconds(40); // a round slower than dispatch-deadline (30 s)
        AtomicInteger reads = new AtomicInteger();
        dispatcher.round(() -> reads.getAndIncrement() == 0 ? roundStart : turnStart);
        for (UUID[] row : List.of(new UUID[] { first, a }, new UUID[] { second, b })) {
            assertEquals(turnStart, DbValues.instant(fx.one(row[0],
                    "SELECT decided_at FROM dial_decision WHERE queue_item_id = ?1 AND outcome = 'dialed'", row[1])));
            Instant notAfter = DbValues.instant(fx.one(row[0], "SELECT not_after FROM dial_decision WHERE queue_item_id = ?1", row[1]));
            assertTrue(notAfter.isAfter(turnStart) && !notAfter.isAfter(turnStart.plusSeconds(30)), notAfter.toString());
            assertEquals(turnStart.plusSeconds(60), DbValues.instant(fx.one(row[0],
                    "SELECT lease_expires_at FROM call_queue WHERE id = ?1", row[1])));
        }
    }

    @Test
    void directCallsGoFirstWhenSlotsAreScarce() {
        UUID tenant = fx.tenantWithCredits();
        limit(tenant, 1);
        UUID campaign = fx.campaign(tenant, null);
        UUID campaignItem = fx.item(tenant, campaign, DialerFixtures.phone(), DialerFixtures.openZone(),
                "scheduled_for = now() - interval '1 hour'");
        UUID direct = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        assertEquals("processing", fx.status(tenant, direct));
        assertEquals("pending", fx.status(tenant, campaignItem));
    }

    @Test
    void callbacksGoBeforeFreshLeadsThenPriorityThenTheOldest() {
        UUID tenant = fx.tenantWithCredits();
        limit(tenant, 1);
        UUID campaign = fx.campaign(tenant, null);
        String zone = DialerFixtures.openZone();
        fx.item(tenant, campaign, DialerFixtures.phone(), zone, "priority = 9, scheduled_for = now() - interval '1 hour'");
        UUID callback = fx.item(tenant, campaign, DialerFixtures.phone(), zone, "kind = 'callback', priority = 0");
        round();
        assertEquals("processing", fx.status(tenant, callback));
        limit(tenant, 2);
        UUID older = fx.item(tenant, campaign, DialerFixtures.phone(), zone, "priority = 9, scheduled_for = now() - interval '2 hours'");
        round();
        assertEquals("processing", fx.status(tenant, older));
    }

    @Test
    void aTenantsSlotsAreSharedAmongItsCampaignsByPriority() {
        UUID tenant = fx.tenantWithCredits();
        limit(tenant, 10);
        UUID high = fx.campaign(tenant, "priority = 8");
        UUID low = fx.campaign(tenant, "priority = 2");
        String zone = DialerFixtures.openZone();
        for (int i = 0; i < 12; i++) {
            fx.item(tenant, high, DialerFixtures.phone(), zone, null);
            fx.item(tenant, low, DialerFixtures.phone(), zone, null);
        }
        round();
        assertEquals(8L, processing(tenant, high));
        assertEquals(2L, processing(tenant, low));
    }

    @Test
    void neitherTheCampaignCapNorTheTenantLimitIsEverExceeded() {
        UUID tenant = fx.tenantWithCredits();
        limit(tenant, 5);
        // by priority alone the capped campaign would take every slot: its cap stops it at 3
        UUID capped = fx.campaign(tenant, "max_concurrent_calls = 3, priority = 10");
        UUID other = fx.campaign(tenant, "priority = 1");
        String zone = DialerFixtures.openZone();
        for (int i = 0; i < 10; i++) {
            fx.item(tenant, capped, DialerFixtures.phone(), zone, null);
            fx.item(tenant, other, DialerFixtures.phone(), zone, null);
        }
        round();
        round();
        assertEquals(3L, processing(tenant, capped));
        assertEquals(5L, fx.slots(tenant));
        assertEquals(5L, fx.count(tenant, "SELECT count(*) FROM call_queue WHERE tenant_id = ?1 AND status = 'processing'", tenant));
    }

    @Test
    void oneTenantsBacklogNeverStarvesAnothersTenCalls() {
        UUID big = fx.tenantWithCredits();
        UUID small = fx.tenantWithCredits();
        limit(big, 5000);
        limit(small, 100);
        String zone = DialerFixtures.openZone();
        UUID bigCampaign = fx.campaign(big, null);
        fx.sql(big, """
                INSERT INTO call_queue (id, tenant_id, campaign_id, call_type, agent_id, phone, time_zones, scheduled_for,
                    created_at, updated_at)
                SELECT gen_random_uuid(), ?1, ?2, 'campaign', gen_random_uuid(), '+1415' || (2000000 + n)::text,
                    jsonb_build_array(?3), now() - interval '1 day', now(), now()
                FROM generate_series(1, 2000) n""", big, bigCampaign, zone);
        UUID smallCampaign = fx.campaign(small, null);
        List<UUID> smallItems = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            smallItems.add(fx.item(small, smallCampaign, DialerFixtures.phone(), zone, null));
        }
        round(); // one round: every tenant with due rows gets one turn of at most the quantum
        for (UUID item : smallItems) {
            assertEquals("processing", fx.status(small, item));
        }
        long bigDialed = processing(big, bigCampaign);
        assertTrue(bigDialed > 0 && bigDialed <= 50, "the big tenant got " + bigDialed + " claims in one turn");
        fx.sql(big, "UPDATE call_queue SET status = 'cancelled' WHERE tenant_id = ?1 AND status = 'pending'", big);
    }

    /**
     * The reaper as of {@code at}, until it finds nothing more: one pass takes at most 500 expired slots, oldest
     * expiry first, and slots left by the other tests of this shared database expire before this test's own.
     * A reclaimed slot's new lease counts from {@code at}, so it is not found again.
     */
    private void reapAll(Instant at) {
        while (dispatcher.reap(at) > 0) {
            // the next 500
        }
    }

    @Test
    void anExpiredLeaseWithNoCallRepublishesTheSameDialRequestAndNeverASecondAttempt() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        Instant claimed = Instant.now();
        dispatcher.round(claimed);
        String request = fx.dialRequestId(tenant, item);

        reapAll(claimed.plus(Duration.ofSeconds(61)));
        assertEquals(request, fx.dialRequestId(tenant, item));
        assertEquals(1L, fx.count(tenant, "SELECT attempts FROM call_queue WHERE id = ?1", item));
        assertEquals(2L, fx.dialRequests(tenant, item));
        assertEquals(1L, fx.count(tenant, """
                SELECT count(DISTINCT cloud_event::jsonb -> 'data' ->> 'dialRequestId') FROM outbox_event
                WHERE tenant_id = ?1 AND event_key = ?2 AND event_type = 'io.switchboard.dial.requested.v1'""",
                tenant, item.toString()));
        assertEquals(1L, fx.count(tenant, """
                SELECT count(DISTINCT cloud_event::jsonb -> 'data' ->> 'notAfter') FROM outbox_event
                WHERE tenant_id = ?1 AND event_key = ?2 AND event_type = 'io.switchboard.dial.requested.v1'""",
                tenant, item.toString()));
        assertEquals(1L, fx.count(tenant, "SELECT count(*) FROM dial_decision WHERE queue_item_id = ?1 AND outcome = 'reclaimed'", item));
        assertEquals(1L, fx.slots(tenant)); // still one slot, extended
    }

    @Test
    void theSlotIsTakenAtClaimAndGivenBackByTheCallsTerminalEventOnce() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        String request = fx.dialRequestId(tenant, item);
        String callId = UUID.randomUUID().toString();
        fx.deliver(tenant, EventCatalog.CALL_INITIATED, new CallInitiatedV1(callId, "vapi", "p-1", null, "outbound",
                "queued", null, "+14155550000", null, null, null, Instant.now(), request));
        assertEquals(1L, fx.slots(tenant));
        assertEquals(UUID.fromString(callId), fx.one(tenant, "SELECT call_id FROM active_call WHERE dial_request_id = ?1", request));
        // the lease now lasts as long as a call may: the reaper leaves a live call alone
        reapAll(Instant.now().plus(Duration.ofMinutes(5)));
        assertEquals(1L, fx.slots(tenant));
        assertEquals(1L, fx.dialRequests(tenant, item));

        CallCompletedV1 completed = new CallCompletedV1(callId, "completed", null, 30, null, null, null, Instant.now());
        fx.deliver(tenant, EventCatalog.CALL_COMPLETED, completed);
        fx.deliver(tenant, EventCatalog.CALL_COMPLETED, completed); // another event id, same call: nothing more to give back
        assertEquals(0L, fx.slots(tenant));
    }

    @Test
    void aFailedCallGivesItsSlotBack() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        fx.deliver(tenant, EventCatalog.CALL_FAILED, new CallFailedV1(UUID.randomUUID().toString(), fx.dialRequestId(tenant, item), null, null,
                null, "vapi", null, "+14155550000", "provider_rejected", "rejected", Instant.now()));
        assertEquals(0L, fx.slots(tenant));
    }

    @Test
    void anExpiredDialRequestGivesTheSlotBackAndPutsTheRowBackToPending() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        String request = fx.dialRequestId(tenant, item);
        fx.deliver(tenant, EventCatalog.DIAL_EXPIRED, new DialExpiredV1(request, item.toString(), 1, null,
                Instant.now(), Instant.now()));
        assertEquals(0L, fx.slots(tenant));
        // the row's state is the outcome handler's (QueueOutcomeTest); the next claim re-checks the window
        assertEquals("pending", fx.status(tenant, item));
    }

    @Test
    void aCallThatNeverReportsBackHasItsSlotReleasedWhenItsLeaseRunsOut() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        String request = fx.dialRequestId(tenant, item);
        fx.deliver(tenant, EventCatalog.CALL_INITIATED, new CallInitiatedV1(UUID.randomUUID().toString(), "vapi", "p-2",
                null, "outbound", "queued", null, "+14155550000", null, null, null, Instant.now(), request));
        reapAll(Instant.now().plus(Duration.ofHours(2)).plusSeconds(5));
        assertEquals(0L, fx.slots(tenant));
        assertEquals(1L, fx.dialRequests(tenant, item)); // a call exists: never re-requested
    }

    @Test
    void outsideTheRecipientsWindowTheRowIsRescheduledToItsNextOpeningWithAnEvent() {
        UUID tenant = fx.tenantWithCredits();
        UUID item = fx.item(tenant, null, DialerFixtures.phone(), DialerFixtures.closedZone(), null);
        round();
        assertEquals("pending", fx.status(tenant, item));
        assertEquals(DialRules.OUTSIDE_WINDOW, fx.skipReason(tenant, item));
        Instant next = ((java.time.Instant) toInstant(fx.one(tenant, "SELECT scheduled_for FROM call_queue WHERE id = ?1", item)));
        assertTrue(next.isAfter(Instant.now()));
        assertEquals(0L, fx.dialRequests(tenant, item));
        assertEquals(0L, fx.slots(tenant));
        assertEquals(1L, fx.count(tenant, """
                SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_key = ?2
                  AND event_type = 'io.switchboard.queue.item_skipped.v1'""", tenant, item.toString()));
    }

    @Test
    void numbersOnTheInternalListAnAttachedListOptedOutOrDoNotContactAreNeverDialed() {
        UUID tenant = fx.tenantWithCredits();
        UUID attachedList = UUID.randomUUID();
        UUID campaign = fx.campaign(tenant, "dnc_list_ids = '[\"" + attachedList + "\"]'");
        String zone = DialerFixtures.openZone();
        String internal = DialerFixtures.phone();
        String listed = DialerFixtures.phone();
        String optedOut = DialerFixtures.phone();
        String doNotContact = DialerFixtures.phone();
        String unattached = DialerFixtures.phone();
        fx.deliver(tenant, EventCatalog.DNC_NUMBER_ADDED, new DncNumberAddedV1(UUID.randomUUID().toString(), true, internal, null, "api", Instant.now()));
        fx.deliver(tenant, EventCatalog.DNC_NUMBER_ADDED, new DncNumberAddedV1(attachedList.toString(), false, listed, null, "api", Instant.now()));
        fx.deliver(tenant, EventCatalog.DNC_NUMBER_ADDED, new DncNumberAddedV1(UUID.randomUUID().toString(), false, unattached, null, "api", Instant.now()));
        fx.deliver(tenant, EventCatalog.OPTOUT_ADDED, new OptOutAddedV1(UUID.randomUUID().toString(), optedOut, "voice", null, "api", null, Instant.now()));
        fx.deliver(tenant, EventCatalog.CUSTOMER_DO_NOT_CONTACT_CHANGED, new CustomerDoNotContactChangedV1(
                UUID.randomUUID().toString(), null, doNotContact, true, "asked", Instant.now()));
        UUID a = fx.item(tenant, campaign, internal, zone, null);
        UUID b = fx.item(tenant, campaign, listed, zone, null);
        UUID c = fx.item(tenant, campaign, optedOut, zone, null);
        UUID d = fx.item(tenant, campaign, doNotContact, zone, null);
        UUID e = fx.item(tenant, campaign, unattached, zone, null);
        round();
        assertEquals(DialRules.DNC_INTERNAL, fx.skipReason(tenant, a));
        assertEquals(DialRules.DNC_LIST, fx.skipReason(tenant, b));
        assertEquals(DialRules.VOICE_OPT_OUT, fx.skipReason(tenant, c));
        assertEquals(DialRules.DO_NOT_CONTACT, fx.skipReason(tenant, d));
        assertEquals("processing", fx.status(tenant, e)); // a list the campaign does not attach does not apply
        for (UUID skipped : List.of(a, b, c, d)) {
            assertEquals("pending", fx.status(tenant, skipped));
            assertEquals(0L, fx.dialRequests(tenant, skipped));
        }
        // the campaign counts each postponement (its progress shows them as skipped)
        assertEquals(4, ((Number) fx.one(tenant, "SELECT skipped_count FROM campaign WHERE id = ?1", campaign)).intValue());
    }

    @Test
    void aNumberTakenOffTheListIsDialedAgain() {
        UUID tenant = fx.tenantWithCredits();
        String phone = DialerFixtures.phone();
        String list = UUID.randomUUID().toString();
        fx.deliver(tenant, EventCatalog.DNC_NUMBER_ADDED, new DncNumberAddedV1(list, true, phone, null, "api", Instant.now()));
        fx.deliver(tenant, EventCatalog.DNC_NUMBER_REMOVED, new DncNumberRemovedV1(list, true, phone, "api", Instant.now()));
        UUID item = fx.item(tenant, null, phone, DialerFixtures.openZone(), null);
        round();
        assertEquals("processing", fx.status(tenant, item));
    }

    @Test
    void withoutAKnownBalanceNothingIsDialedAndAnEmptyBalanceStopsDialing() {
        UUID unknown = UUID.randomUUID();
        UUID item = fx.item(unknown, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        assertEquals(DialRules.CREDITS_UNKNOWN, fx.skipReason(unknown, item));

        UUID empty = fx.tenantWithCredits();
        fx.deliver(empty, EventCatalog.CREDITS_BALANCE_CHANGED, new CreditBalanceChangedV1(empty.toString(), 0, -1000,
                "usage", null, Instant.now().plusSeconds(1)));
        UUID other = fx.item(empty, null, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        assertEquals(DialRules.NO_CREDITS, fx.skipReason(empty, other));
    }

    @Test
    void attemptCapsCountDialsOfTheNumberAcrossEveryCampaign() {
        UUID tenant = fx.tenantWithCredits();
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() ->
                rules.put(tenant, new ComplianceRules.Request("custom", 1, 1, 0))));
        String phone = DialerFixtures.phone();
        String zone = DialerFixtures.openZone();
        UUID first = fx.item(tenant, fx.campaign(tenant, null), phone, zone, null);
        round();
        assertEquals("processing", fx.status(tenant, first));
        UUID second = fx.item(tenant, fx.campaign(tenant, null), phone, zone, null);
        round();
        assertEquals(DialRules.ATTEMPT_CAP, fx.skipReason(tenant, second));
        assertEquals(0L, fx.dialRequests(tenant, second));
    }

    @Test
    void noDialDuringTheQuietDaysAfterAConversation() {
        UUID tenant = fx.tenantWithCredits();
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() ->
                rules.put(tenant, new ComplianceRules.Request("us_reg_f", null, null, null))));
        String phone = DialerFixtures.phone();
        fx.deliver(tenant, EventCatalog.CALL_COMPLETED, new CallCompletedV1(UUID.randomUUID().toString(), "completed",
                null, 120, null, null, null, Instant.now().minus(Duration.ofDays(2)), phone));
        UUID item = fx.item(tenant, null, phone, DialerFixtures.openZone(), null);
        round();
        assertEquals(DialRules.CONVERSATION_QUIET_PERIOD, fx.skipReason(tenant, item));
    }

    @Test
    void aCallCompletedAtZeroSecondsWhoseTalkTimeArrivesLaterStartsTheQuietDays() {
        UUID tenant = fx.tenantWithCredits();
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() ->
                rules.put(tenant, new ComplianceRules.Request("us_reg_f", null, null, null))));
        String phone = DialerFixtures.phone();
        String call = UUID.randomUUID().toString();
        Instant ended = Instant.now().minus(Duration.ofDays(2));
        fx.deliver(tenant, EventCatalog.CALL_COMPLETED, new CallCompletedV1(call, "completed", null, 0, null, null, null,
                ended, phone));
        fx.deliver(tenant, EventCatalog.CALL_USAGE_CHANGED, new CallUsageChangedV1(call, "completed", 120, null, 0, null,
                null, null, null, "vapi", null, ended, phone, Instant.now()));
        UUID item = fx.item(tenant, null, phone, DialerFixtures.openZone(), null);
        round();
        assertEquals(DialRules.CONVERSATION_QUIET_PERIOD, fx.skipReason(tenant, item));
    }

    @Test
    void aCampaignRequiringVoiceConsentDialsOnlyNumbersWithARecordedOne() {
        UUID tenant = fx.tenantWithCredits();
        UUID campaign = fx.campaign(tenant, "require_voice_consent = true");
        String zone = DialerFixtures.openZone();
        String consenting = DialerFixtures.phone();
        fx.deliver(tenant, EventCatalog.CONSENT_GRANTED, new ConsentGrantedV1(UUID.randomUUID().toString(),
                UUID.randomUUID().toString(), consenting, "voice", "prior_express_written", "web", Instant.now(), null));
        UUID without = fx.item(tenant, campaign, DialerFixtures.phone(), zone, null);
        UUID with = fx.item(tenant, campaign, consenting, zone, null);
        round();
        assertEquals(DialRules.CONSENT_MISSING, fx.skipReason(tenant, without));
        assertEquals("processing", fx.status(tenant, with));
    }

    @Test
    void aPausedCampaignsRowsWaitUntouched() {
        UUID tenant = fx.tenantWithCredits();
        UUID campaign = fx.campaign(tenant, "status = 'paused'");
        UUID item = fx.item(tenant, campaign, DialerFixtures.phone(), DialerFixtures.openZone(), null);
        round();
        assertEquals("pending", fx.status(tenant, item));
        assertNull(fx.skipReason(tenant, item));
        fx.sql(tenant, "UPDATE campaign SET status = 'active' WHERE id = ?1", campaign);
        round();
        assertEquals("processing", fx.status(tenant, item));
    }

    @Test
    void theDecisionRecordNamesZonesWindowReplicasCapsAndConcurrency() {
        UUID tenant = fx.tenantWithCredits();
        String zone = DialerFixtures.openZone();
        UUID item = fx.item(tenant, fx.campaign(tenant, "max_concurrent_calls = 4"), DialerFixtures.phone(), zone, null);
        round();
        String detail = (String) fx.one(tenant, "SELECT detail::text FROM dial_decision WHERE queue_item_id = ?1", item);
        assertNotNull(detail);
        for (String expected : List.of("\"zones\": [\"" + zone + "\"]", "localTimes", "\"start\": \"08:00\"",
                "switchboard.contacts.caughtUpAt", "credits.lastEvent", "\"campaignCap\": 4", "dialsInWindow",
                "windowClosesAt")) {
            assertTrue(detail.contains(expected), expected + " missing from " + detail);
        }
    }

    private long processing(UUID tenant, UUID campaign) {
        return fx.count(tenant, "SELECT count(*) FROM call_queue WHERE campaign_id = ?1 AND status = 'processing'", campaign);
    }

    private void limit(UUID tenant, int max) {
        fx.sql(tenant, """
                INSERT INTO dialer_setting (tenant_id, max_concurrent_calls, updated_at) VALUES (?1, ?2, now())
                ON CONFLICT (tenant_id) DO UPDATE SET max_concurrent_calls = EXCLUDED.max_concurrent_calls""", tenant, max);
    }

    private static Instant toInstant(Object value) {
        return io.switchboard.campaigns.compliance.DbValues.instant(value);
    }
}
