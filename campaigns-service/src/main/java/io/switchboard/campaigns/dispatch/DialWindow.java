package io.switchboard.campaigns.dispatch;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * A daily calling window read in local time ({@code start} inclusive, {@code end} exclusive, {@code start < end}) on
 * allowed local weekdays. Pure functions over instants and IANA zones, DST-correct: a local time that does not exist
 * (spring forward) opens at the transition, a local time that exists twice (fall back) is read from the instant.
 */
public record DialWindow(LocalTime start, LocalTime end, Set<DayOfWeek> days) {

    /** How far ahead {@link #nextOpen} looks before answering "never" (disjoint windows across zones). */
    static final Duration HORIZON = Duration.ofDays(15);

    public DialWindow {
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("window start must be before its end");
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a window needs at least one weekday");
        }
        days = Set.copyOf(days);
    }

    public boolean isOpen(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        LocalTime time = local.toLocalTime();
        return days.contains(local.getDayOfWeek()) && !time.isBefore(start) && time.isBefore(end);
    }

    public boolean isOpenInAll(Instant at, List<ZoneId> zones) {
        return zones.stream().allMatch(zone -> isOpen(at, zone));
    }

    /**
     * The earliest instant at or after {@code from} when the window is open in every zone at once; empty when no such
     * instant exists within {@link #HORIZON} (for instance a short window in zones 20 hours apart).
     */
    public Optional<Instant> nextOpen(Instant from, List<ZoneId> zones) {
        Instant candidate = from;
        Instant limit = from.plus(HORIZON);
        while (!candidate.isAfter(limit)) {
            Instant latest = candidate;
            for (ZoneId zone : zones) {
                Instant opening = nextOpen(candidate, zone);
                if (opening.isAfter(latest)) {
                    latest = opening;
                }
            }
            if (latest.equals(candidate)) {
                return Optional.of(candidate);
            }
            candidate = latest; // strictly later each round: some zone was closed at the old candidate
        }
        return Optional.empty();
    }

    /** The earliest instant at or after {@code from} when the window is open in {@code zone}. */
    Instant nextOpen(Instant from, ZoneId zone) {
        if (isOpen(from, zone)) {
            return from;
        }
        // closed -> open happens only where the local clock crosses the start, or at a transition (a gap that jumps
        // into the window, a fall-back that takes the clock back into it)
        return boundaries(from, zone, start).stream()
                .filter(at -> at.isAfter(from) && isOpen(at, zone))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no opening within 8 days although a weekday is allowed"));
    }

    /**
     * When the window open at {@code at} closes, the earliest over the zones: a dial request's {@code notAfter}
     * never passes it. {@code at} must be inside the window in every zone.
     */
    public Instant closesAt(Instant at, List<ZoneId> zones) {
        Instant earliest = null;
        for (ZoneId zone : zones) {
            Instant closes = closing(at, zone);
            if (earliest == null || closes.isBefore(earliest)) {
                earliest = closes;
            }
        }
        return earliest;
    }

    /**
     * The first instant after {@code at} when the window is closed in {@code zone}. Open -> closed happens only where
     * the local clock crosses the end, or at a transition: a gap that jumps past the end, or a fall-back that takes the
     * clock back before the start (a window starting inside a repeated hour closes when the hour repeats).
     */
    private Instant closing(Instant at, ZoneId zone) {
        return boundaries(at, zone, end).stream()
                .filter(candidate -> candidate.isAfter(at) && !isOpen(candidate, zone))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("a window open at " + at + " never closes"));
    }

    /**
     * Every instant from the day before {@code from} to nine days after it where the local clock in {@code zone} reads
     * {@code local} (both passes of a repeated hour; the transition itself when {@code local} falls in a gap), and every
     * transition of the zone in that span, in order.
     */
    private static List<Instant> boundaries(Instant from, ZoneId zone, LocalTime local) {
        ZoneRules rules = zone.getRules();
        LocalDate date = from.atZone(zone).toLocalDate();
        TreeSet<Instant> instants = new TreeSet<>();
        for (int i = -1; i <= 9; i++) {
            LocalDateTime wall = date.plusDays(i).atTime(local);
            ZoneOffsetTransition transition = rules.getTransition(wall);
            if (transition != null && transition.isGap()) {
                instants.add(transition.getInstant());
            } else {
                ZonedDateTime zoned = ZonedDateTime.ofLocal(wall, zone, null);
                instants.add(zoned.withEarlierOffsetAtOverlap().toInstant());
                instants.add(zoned.withLaterOffsetAtOverlap().toInstant());
            }
        }
        Instant last = from.plus(Duration.ofDays(10));
        for (ZoneOffsetTransition t = rules.nextTransition(from.minus(Duration.ofDays(2)));
                t != null && !t.getInstant().isAfter(last); t = rules.nextTransition(t.getInstant())) {
            instants.add(t.getInstant());
        }
        return List.copyOf(instants);
    }
}
