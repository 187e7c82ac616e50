package io.switchboard.platform.time;

import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

/**
 * The one time-zone rule for tenants, contacts and campaigns: an IANA region id such as
 * {@code Europe/London} or {@code America/New_York} (an area like Europe, America, Asia ... then a place),
 * or {@code UTC}. Refused: fixed offsets ({@code +02:00}, {@code GMT+1}, {@code Etc/GMT-3}), abbreviations
 * ({@code EST}, {@code CET}, {@code Z}), and legacy aliases ({@code SystemV/EST5}, {@code US/Eastern}).
 * Offsets and abbreviations ignore or guess daylight saving, so calling windows computed with them drift by
 * an hour for half the year; a region id carries the region's whole rule history.
 */
public final class TimeZones {

    public static final String MESSAGE = "must be an IANA region time zone like Europe/London or America/New_York (or UTC)";

    private static final Set<String> AREAS = Set.of("Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic",
            "Australia", "Europe", "Indian", "Pacific");
    /** ZoneId.getAvailableZoneIds() copies the whole tz database's id set on every call; the set is fixed. */
    private static final Set<String> ZONE_IDS = Set.copyOf(ZoneId.getAvailableZoneIds());

    private TimeZones() {
    }

    public static boolean isRegionId(String id) {
        if (id == null) {
            return false;
        }
        if (id.equals("UTC")) {
            return true;
        }
        int slash = id.indexOf('/');
        return slash > 0 && AREAS.contains(id.substring(0, slash)) && ZONE_IDS.contains(id);
    }

    /** The zone for a valid id; empty for anything {@link #isRegionId} refuses. */
    public static Optional<ZoneId> region(String id) {
        return isRegionId(id) ? Optional.of(ZoneId.of(id)) : Optional.empty();
    }
}
