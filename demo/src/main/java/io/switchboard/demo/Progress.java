package io.switchboard.demo;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One progress event of {@code GET /api/v1/campaigns/{id}/progress/stream}: queue rows by status, and (when the
 * service sends them) the campaign's dial and skip counters and the pending rows that are retries or callbacks.
 */
public record Progress(String status, long total, long pending, long processing, long completed, long busy,
        long noAnswer, long failed, long cancelled, Long dialed, Long retryPending, Long skipped, double dialsPerMinute,
        Long etaSeconds) {

    public static Progress of(JsonNode json) {
        JsonNode counts = json.path("counts");
        return new Progress(json.path("status").asText(""), json.path("total").asLong(),
                counts.path("pending").asLong(), counts.path("processing").asLong(), counts.path("completed").asLong(),
                counts.path("busy").asLong(), counts.path("no_answer").asLong(), counts.path("failed").asLong(),
                counts.path("cancelled").asLong(), optional(json, "dialed"), optional(json, "retryPending"),
                optional(json, "skipped"), json.path("dialsPerMinute").asDouble(), optional(json, "etaSeconds"));
    }

    private static Long optional(JsonNode json, String field) {
        JsonNode node = json.get(field);
        return node == null || node.isNull() ? null : node.asLong();
    }

    /** Rows in a final state. */
    public long finished() {
        return completed + busy + noAnswer + failed + cancelled;
    }

    public boolean ended() {
        return "completed".equals(status) || "cancelled".equals(status);
    }
}
