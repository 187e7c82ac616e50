package io.switchboard.campaigns.dispatch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Over random zones (DST and not, both hemispheres, half-hour offsets), random windows and weekdays, and instants
 * drawn both at random and right around DST transitions: no verdict ever dials outside the window in any candidate
 * zone, a dial's notAfter keeps the whole request inside it, the next allowed moment really is allowed, and a number
 * on a DNC list is never dialed.
 */
class DialWindowPropertyTest {

    private static final List<String> ZONES = List.of("America/New_York", "America/Los_Angeles", "America/Chicago",
            "America/Denver", "America/Phoenix", "America/Anchorage", "Pacific/Honolulu", "America/Sao_Paulo",
            "America/Santiago", "Europe/London", "Europe/Paris", "Europe/Moscow", "Asia/Kolkata", "Asia/Kathmandu",
            "Asia/Tokyo", "Australia/Sydney", "Australia/Lord_Howe", "Australia/Adelaide", "Pacific/Auckland",
            "Pacific/Chatham", "Asia/Tehran", "Africa/Casablanca", "America/St_Johns", "Pacific/Kiritimati", "UTC");

    record Case(List<ZoneId> zones, DialWindow window, Instant now, boolean onDncList) {
    }

    @Provide
    Arbitrary<Case> cases() {
        Arbitrary<List<ZoneId>> zones = Arbitraries.of(ZONES).map(ZoneId::of).list().ofMinSize(1).ofMaxSize(3).uniqueElements();
        Arbitrary<DialWindow> windows = Combinators.combine(
                Arbitraries.integers().between(0, 23 * 60 - 1), Arbitraries.integers().between(1, 14 * 60),
                Arbitraries.of(DayOfWeek.values()).set().ofMinSize(1).ofMaxSize(7))
                .as((startMinute, length, days) -> {
                    LocalTime start = LocalTime.MIN.plusMinutes(startMinute);
                    int endMinute = Math.min(startMinute + length, 24 * 60 - 1);
                    return new DialWindow(start, LocalTime.MIN.plusMinutes(endMinute), Set.copyOf(days));
                });
        Arbitrary<Long> offsets = Arbitraries.longs().between(-3 * 3600, 3 * 3600);
        Arbitrary<Integer> picks = Arbitraries.integers().between(0, 1000);
        Arbitrary<Instant> randomInstants = Arbitraries.longs()
                .between(Instant.parse("2025-01-01T00:00:00Z").getEpochSecond(), Instant.parse("2028-12-31T00:00:00Z").getEpochSecond())
                .map(Instant::ofEpochSecond);
        return Combinators.combine(zones, windows, randomInstants, offsets, picks, Arbitraries.of(true, false),
                Arbitraries.of(true, false))
                .as((zs, w, random, offset, pick, nearTransition, dnc) -> {
                    Instant now = nearTransition ? nearATransition(zs, random, pick, offset) : random;
                    return new Case(zs, w, now, dnc);
                });
    }

    /** Within three hours of one of the zones' DST transitions (or the random instant for a zone without any). */
    private static Instant nearATransition(List<ZoneId> zones, Instant random, int pick, long offsetSeconds) {
        List<Instant> transitions = new ArrayList<>();
        for (ZoneId zone : zones) {
            ZoneOffsetTransition t = zone.getRules().nextTransition(random);
            if (t != null) {
                transitions.add(t.getInstant());
            }
        }
        if (transitions.isEmpty()) {
            return random;
        }
        return transitions.get(pick % transitions.size()).plusSeconds(offsetSeconds);
    }

    private static DialRules.Verdict verdict(Case c) {
        DialRules.Blocks blocks = c.onDncList() ? new DialRules.Blocks(true, false, false, false) : DialRules.Blocks.NONE;
        return DialRules.evaluate(new DialRules.Facts(c.now(), new DialRules.CampaignFacts(true, null, null, ZoneOffset.UTC),
                c.zones(), c.window(), true, blocks, false, false, DialRules.Caps.NONE, 10L, Duration.ofMinutes(1),
                Duration.ofHours(1), Duration.ofSeconds(30)));
    }

    @Property(tries = 3000)
    void noDialOutsideTheWindowInAnyZoneNorToADncNumber(@ForAll("cases") Case c) {
        DialRules.Verdict v = verdict(c);
        if (v instanceof DialRules.Dial dial) {
            assertFalse(c.onDncList(), "dialed a number on the DNC list");
            for (ZoneId zone : c.zones()) {
                assertTrue(c.window().isOpen(c.now(), zone), "dialed outside the window in " + zone + " at " + c.now());
                // every moment up to notAfter is still inside the window
                Instant last = dial.notAfter().minusNanos(1);
                assertTrue(!last.isBefore(c.now()) && c.window().isOpen(last, zone),
                        "notAfter " + dial.notAfter() + " passes the window's end in " + zone);
            }
            assertTrue(dial.notAfter().isAfter(c.now()));
        } else {
            DialRules.Skip skip = (DialRules.Skip) v;
            assertTrue(skip.nextAttempt().isAfter(c.now()) || !c.window().isOpenInAll(c.now(), c.zones()),
                    "a skip must move the row forward");
        }
    }

    @Property(tries = 3000)
    void theNextAllowedMomentIsOpenInEveryZoneAndNothingEarlierIsSkippedOver(@ForAll("cases") Case c) {
        Optional<Instant> next = c.window().nextOpen(c.now(), c.zones());
        if (c.window().isOpenInAll(c.now(), c.zones())) {
            assertEquals(Optional.of(c.now()), next);
            return;
        }
        if (next.isEmpty()) {
            return; // the zones' windows never overlap within the horizon: the row is rechecked a day later
        }
        Instant at = next.get();
        assertTrue(at.isAfter(c.now()));
        assertTrue(c.window().isOpenInAll(at, c.zones()), "next moment " + at + " is not open in all of " + c.zones());
        // one second earlier is still closed somewhere (it is the first such moment), unless it is c.now() itself
        Instant before = at.minusSeconds(1);
        if (before.isAfter(c.now())) {
            assertFalse(c.window().isOpenInAll(before, c.zones()), "an earlier open moment " + before + " was skipped");
        }
    }
}
