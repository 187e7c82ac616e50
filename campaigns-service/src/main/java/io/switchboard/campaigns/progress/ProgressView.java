package io.switchboard.campaigns.progress;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * A campaign's progress: queue rows per status, dials per minute over the rate window (rows whose latest attempt
 * started in it), and the ETA of the pending rows at that rate (null when nothing is being dialed). {@code dialed}
 * and {@code skipped} are the campaign's counters (calls placed; dial-time checks that postponed a row, each time),
 * {@code retryPending} the pending rows waiting for a retry or a callback (already dialed before).
 */
public record ProgressView(
        UUID campaignId,
        String status,
        Map<String, Long> counts,
        long total,
        double dialsPerMinute,
        Long etaSeconds,
        OffsetDateTime at,
        long dialed,
        long retryPending,
        long skipped) {

    static final String EXAMPLE = """
            {"campaignId":"5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d","status":"active","counts":{"pending":840,"processing":12,
             "completed":610,"busy":3,"no_answer":140,"failed":9,"cancelled":8},"total":1622,"dialsPerMinute":42.4,
             "etaSeconds":1189,"at":"2026-11-24T15:02:00Z","dialed":790,"retryPending":95,
             "skipped":14}""";

    /** Equal apart from the time it was read: the stream sends only changes (and heartbeats). */
    boolean sameAs(ProgressView other) {
        return other != null && status.equals(other.status) && counts.equals(other.counts)
                && dialsPerMinute == other.dialsPerMinute && dialed == other.dialed && retryPending == other.retryPending
                && skipped == other.skipped;
    }

    boolean ended() {
        return "completed".equals(status) || "cancelled".equals(status);
    }
}
