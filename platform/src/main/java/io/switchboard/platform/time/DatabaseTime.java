package io.switchboard.platform.time;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** "Now" as a {@code timestamptz} column stores it (UTC, microseconds), so what a service returns equals what it reads back. */
public final class DatabaseTime {

    private DatabaseTime() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
