package io.switchboard.campaigns.outcome;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

/**
 * A callback the recipient asked for, from a call's structured data (pure). Accepted keys:
 * {@code callback_at} / {@code callbackAt}: ISO-8601 with an offset ({@code 2026-11-24T15:00:00-05:00}, or Z);
 * {@code callback_local} / {@code callbackLocal}: a local date-time ({@code 2026-11-24T15:00}) read in the
 * recipient's zone. Anything else, an unreadable value, or a moment not in the future asks for nothing.
 */
public final class Callbacks {

    private Callbacks() {
    }

    public static Optional<OffsetDateTime> requested(Map<String, Object> structuredData, ZoneId recipientZone, OffsetDateTime now) {
        if (structuredData == null) {
            return Optional.empty();
        }
        Object at = first(structuredData, "callback_at", "callbackAt");
        Object local = first(structuredData, "callback_local", "callbackLocal");
        OffsetDateTime moment = null;
        try {
            if (at instanceof String text && !text.isBlank()) {
                moment = OffsetDateTime.parse(text.strip());
            } else if (local instanceof String text && !text.isBlank()) {
                moment = LocalDateTime.parse(text.strip()).atZone(recipientZone).toOffsetDateTime();
            }
        } catch (DateTimeException e) {
            return Optional.empty();
        }
        if (moment == null || !moment.isAfter(now)) {
            return Optional.empty();
        }
        return Optional.of(moment.withOffsetSameInstant(ZoneOffset.UTC));
    }

    /**
     * Whether the person asked never to be called again: a truthy {@code do_not_call} / {@code doNotCall} / {@code dnc}
     * (true, or the text "true" / "yes", any case), the keys calls-service reads for its {@code do_not_call} disposition
     * (calls-service/docs/call-model.md).
     */
    public static boolean doNotCall(Map<String, Object> structuredData) {
        if (structuredData == null) {
            return false;
        }
        for (String key : new String[] { "do_not_call", "doNotCall", "dnc" }) {
            Object value = structuredData.get(key);
            if (Boolean.TRUE.equals(value) || "true".equalsIgnoreCase(String.valueOf(value))
                    || "yes".equalsIgnoreCase(String.valueOf(value))) {
                return true;
            }
        }
        return false;
    }

    private static Object first(Map<String, Object> data, String... keys) {
        for (String key : keys) {
            if (data.get(key) != null) {
                return data.get(key);
            }
        }
        return null;
    }
}
