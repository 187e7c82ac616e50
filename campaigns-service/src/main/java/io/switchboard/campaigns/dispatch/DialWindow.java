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
import java.util.List;
import java.util.Optional;
import java.util.Set;

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
        LocalDate date = from.atZone(zone).toLocalDate();
        for (int i = 0; i <= 8; i++) {
            LocalDate day = date.plusDays(i);
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            Instant opens = firstInstantAtOrAfter(day.atTime(start), zone);
            Instant closes = closing(day, zone, opens);
            if (closes.isAfter(from) && opens.isBefore(closes)) {
                Instant candidate = opens.isAfter(from) ? opens : from;
                if (isOpen(candidate, zone)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("no opening within 8 days although a weekday is allowed");
    }

    /**
     * When the window open at {@code at} closes, the earliest over the zones: a dial request's {@code notAfter}
     * never passes it. {@code at} must be inside the window in every zone.
     */
    public Instant closesAt(Instant at, List<ZoneId> zones) {
        Instant earliest = null;
        for (ZoneId zone : zones) {
            Instant closes = closing(at.atZone(zone).toLocalDate(), zone, at);
            if (earliest == null || closes.isBefore(earliest)) {
                earliest = closes;
            }
        }
        return earliest;
    }

    /** The first instant after {@code after} at which {@code day}'s local time reaches {@link #end} in {@code zone}. */
    private Instant closing(LocalDate day, ZoneId zone, Instant after) {
        LocalDateTime local = day.atTime(end);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant(); // local time jumps over the end: the window closes at the jump
        }
        ZonedDateTime earlier = ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap();
        if (earlier.toInstant().isAfter(after)) {
            return earlier.toInstant();
        }
        return earlier.withLaterOffsetAtOverlap().toInstant(); // inside a repeated hour, after its first pass
    }

    /** The first instant whose local time in {@code zone} is at or after {@code local}. */
    private static Instant firstInstantAtOrAfter(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return ZonedDateTime.ofLocal(local, zone, null).withEarlierOffsetAtOverlap().toInstant();
    }
}
