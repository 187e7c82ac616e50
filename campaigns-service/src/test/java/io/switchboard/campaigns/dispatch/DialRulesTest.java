package io.switchboard.campaigns.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.switchboard.campaigns.dispatch.DialRules.Blocks;
import io.switchboard.campaigns.dispatch.DialRules.CampaignFacts;
import io.switchboard.campaigns.dispatch.DialRules.Caps;
import io.switchboard.campaigns.dispatch.DialRules.Dial;
import io.switchboard.campaigns.dispatch.DialRules.Facts;
import io.switchboard.campaigns.dispatch.DialRules.Skip;

/** Each dial-time rule on its own: what it skips, with which reason, and when the row is looked at again. */
class DialRulesTest {

    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    /** Monday 2026-11-23 10:00 in New York. */
    private static final Instant NOW = Instant.parse("2026-11-23T15:00:00Z");
    private static final DialWindow NINE_TO_FIVE = new DialWindow(LocalTime.of(9, 0), LocalTime.of(17, 0),
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    private static final CampaignFacts ACTIVE = new CampaignFacts(true, null, null, ZoneOffset.UTC);
    private static final Duration RECHECK = Duration.ofMinutes(1);
    private static final Duration BLOCKED_RECHECK = Duration.ofHours(1);

    private static Facts facts(Instant now, CampaignFacts campaign, boolean replicas, Blocks blocks, boolean consentRequired,
            boolean consent, Caps caps, Long credits) {
        return new Facts(now, campaign, List.of(NEW_YORK), NINE_TO_FIVE, replicas, blocks, consentRequired, consent, caps,
                credits, RECHECK, BLOCKED_RECHECK, Duration.ofSeconds(30));
    }

    private static Facts allowed() {
        return facts(NOW, ACTIVE, true, Blocks.NONE, false, false, Caps.NONE, 100L);
    }

    private static Skip skip(Facts f) {
        return assertInstanceOf(Skip.class, DialRules.evaluate(f));
    }

    @Test
    void everythingAllowedDialsWithANotAfterOfTheDispatchDeadline() {
        Dial dial = assertInstanceOf(Dial.class, DialRules.evaluate(allowed()));
        assertEquals(NOW.plusSeconds(30), dial.notAfter());
        assertEquals(Instant.parse("2026-11-23T22:00:00Z"), dial.windowClosesAt());
    }

    @Test
    void notAfterNeverPassesTheEndOfTheWindow() {
        Instant tenSecondsBeforeFive = Instant.parse("2026-11-23T21:59:50Z");
        Dial dial = assertInstanceOf(Dial.class, DialRules.evaluate(
                facts(tenSecondsBeforeFive, ACTIVE, true, Blocks.NONE, false, false, Caps.NONE, 1L)));
        assertEquals(Instant.parse("2026-11-23T22:00:00Z"), dial.notAfter());
    }

    @Test
    void aCampaignThatIsNotActiveIsRecheckedLater() {
        Skip s = skip(facts(NOW, new CampaignFacts(false, null, null, ZoneOffset.UTC), true, Blocks.NONE, false, false,
                Caps.NONE, 1L));
        assertEquals(DialRules.CAMPAIGN_NOT_ACTIVE, s.reason());
        assertEquals(NOW.plus(RECHECK), s.nextAttempt());
    }

    @Test
    void beforeItsStartDateTheRowWaitsForTheFirstOpenWindowFromThatDate() {
        Skip s = skip(facts(NOW, new CampaignFacts(true, LocalDate.of(2026, 11, 25), null, NEW_YORK), true, Blocks.NONE,
                false, false, Caps.NONE, 1L));
        assertEquals(DialRules.CAMPAIGN_NOT_STARTED, s.reason());
        assertEquals(Instant.parse("2026-11-25T14:00:00Z"), s.nextAttempt());
    }

    @Test
    void afterItsEndDateNothingIsDialed() {
        Skip s = skip(facts(NOW, new CampaignFacts(true, null, LocalDate.of(2026, 11, 22), NEW_YORK), true, Blocks.NONE,
                false, false, Caps.NONE, 1L));
        assertEquals(DialRules.CAMPAIGN_ENDED, s.reason());
    }

    @Test
    void outsideTheWindowTheRowMovesToTheNextOpening() {
        Skip s = skip(facts(Instant.parse("2026-11-23T23:00:00Z"), ACTIVE, true, Blocks.NONE, false, false, Caps.NONE, 1L));
        assertEquals(DialRules.OUTSIDE_WINDOW, s.reason());
        assertEquals(Instant.parse("2026-11-24T14:00:00Z"), s.nextAttempt());
    }

    @Test
    void anUnreadableZoneFailsClosed() {
        Facts f = new Facts(NOW, ACTIVE, List.of(), NINE_TO_FIVE, true, Blocks.NONE, false, false, Caps.NONE, 1L, RECHECK,
                BLOCKED_RECHECK, Duration.ofSeconds(30));
        assertEquals(DialRules.INVALID_TIME_ZONE, skip(f).reason());
    }

    @Test
    void aReplicaBehindFailsClosedAndRetriesSoon() {
        Skip s = skip(facts(NOW, ACTIVE, false, Blocks.NONE, false, false, Caps.NONE, 1L));
        assertEquals(DialRules.REPLICA_BEHIND, s.reason());
        assertEquals(NOW.plus(RECHECK), s.nextAttempt());
    }

    @Test
    void eachKindOfBlockSkipsWithItsOwnReason() {
        assertEquals(DialRules.DNC_INTERNAL, skip(facts(NOW, ACTIVE, true, new Blocks(true, false, false, false), false,
                false, Caps.NONE, 1L)).reason());
        assertEquals(DialRules.DNC_LIST, skip(facts(NOW, ACTIVE, true, new Blocks(false, true, false, false), false,
                false, Caps.NONE, 1L)).reason());
        assertEquals(DialRules.VOICE_OPT_OUT, skip(facts(NOW, ACTIVE, true, new Blocks(false, false, true, false), false,
                false, Caps.NONE, 1L)).reason());
        Skip dnc = skip(facts(NOW, ACTIVE, true, new Blocks(false, false, false, true), false, false, Caps.NONE, 1L));
        assertEquals(DialRules.DO_NOT_CONTACT, dnc.reason());
        assertEquals(NOW.plus(BLOCKED_RECHECK), dnc.nextAttempt());
    }

    @Test
    void aCampaignRequiringVoiceConsentSkipsANumberWithout() {
        assertEquals(DialRules.CONSENT_MISSING,
                skip(facts(NOW, ACTIVE, true, Blocks.NONE, true, false, Caps.NONE, 1L)).reason());
        assertInstanceOf(Dial.class, DialRules.evaluate(facts(NOW, ACTIVE, true, Blocks.NONE, true, true, Caps.NONE, 1L)));
    }

    @Test
    void theAttemptCapWaitsUntilTheOldestCountedDialLeavesTheWindow() {
        Instant oldest = NOW.minus(Duration.ofDays(3));
        Skip s = skip(facts(NOW, ACTIVE, true, Blocks.NONE, false, false, new Caps(7, 7, 7, oldest, 0, null), 1L));
        assertEquals(DialRules.ATTEMPT_CAP, s.reason());
        assertEquals(oldest.plus(Duration.ofDays(7)), s.nextAttempt());
        assertInstanceOf(Dial.class, DialRules.evaluate(
                facts(NOW, ACTIVE, true, Blocks.NONE, false, false, new Caps(7, 7, 6, oldest, 0, null), 1L)));
    }

    @Test
    void noDialForTheQuietDaysAfterAConversation() {
        Instant talked = NOW.minus(Duration.ofDays(2));
        Skip s = skip(facts(NOW, ACTIVE, true, Blocks.NONE, false, false, new Caps(null, null, 0, null, 7, talked), 1L));
        assertEquals(DialRules.CONVERSATION_QUIET_PERIOD, s.reason());
        assertEquals(talked.plus(Duration.ofDays(7)), s.nextAttempt());
    }

    @Test
    void anUnknownBalanceFailsClosedAndAnEmptyOneStopsDialing() {
        assertEquals(DialRules.CREDITS_UNKNOWN,
                skip(facts(NOW, ACTIVE, true, Blocks.NONE, false, false, Caps.NONE, null)).reason());
        assertEquals(DialRules.NO_CREDITS,
                skip(facts(NOW, ACTIVE, true, Blocks.NONE, false, false, Caps.NONE, 0L)).reason());
    }

    @Test
    void aDirectCallHasNoCampaignChecksButTheSameWindowAndBlocks() {
        assertInstanceOf(Dial.class, DialRules.evaluate(facts(NOW, null, true, Blocks.NONE, false, false, Caps.NONE, 1L)));
        assertEquals(DialRules.DNC_INTERNAL, skip(facts(NOW, null, true, new Blocks(true, false, false, false), false,
                false, Caps.NONE, 1L)).reason());
    }
}
