package io.switchboard.campaigns.queue;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A queue row as the API shows it. {@code position} (single reads only) is 1 + the tenant's due pending rows the
 * dispatcher takes before it; null when the row is not pending or not yet due.
 */
public record QueueItemView(
        UUID id,
        UUID campaignId,
        String callType,
        String kind,
        UUID contactId,
        UUID agentId,
        String phone,
        List<String> timeZones,
        Map<String, String> variables,
        String status,
        int priority,
        OffsetDateTime scheduledFor,
        int attempts,
        int expirations,
        int maxRetries,
        OffsetDateTime lastAttemptAt,
        String lastOutcome,
        String lastSkipReason,
        String dialRequestId,
        UUID callId,
        OffsetDateTime callbackAt,
        Long position,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static final String EXAMPLE = """
            {"id":"7a1e2d3c-4b5a-4697-8e8f-9a0b1c2d3e4f","campaignId":"5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d",
             "callType":"campaign","kind":"retry","contactId":null,"agentId":"0b6f7c1e-3d2a-4e5f-8a9b-1c2d3e4f5a6b",
             "phone":"+14155550123","timeZones":["America/Los_Angeles"],"variables":{"first_name":"Ada","plan":"gold"},
             "status":"pending","priority":0,"scheduledFor":"2026-11-24T17:30:00Z","attempts":1,"expirations":0,"maxRetries":2,
             "lastAttemptAt":"2026-11-24T15:30:00Z","lastOutcome":"no_answer","lastSkipReason":null,
             "dialRequestId":"7a1e2d3c-4b5a-4697-8e8f-9a0b1c2d3e4f:1","callId":"3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f",
             "callbackAt":null,"position":null,"createdAt":"2026-11-22T10:00:00Z","updatedAt":"2026-11-24T15:31:10Z"}""";

    public static QueueItemView of(CallQueueItem q, Long position) {
        return new QueueItemView(q.id, q.campaignId, q.callType, q.kind, q.contactId, q.agentId, q.phone, List.copyOf(q.timeZones),
                Map.copyOf(q.variables), q.status, q.priority, q.scheduledFor, q.attempts, q.expirations, q.maxRetries,
                q.lastAttemptAt, q.lastOutcome, q.lastSkipReason, q.dialRequestId, q.callId, q.callbackAt, position,
                q.createdAt, q.updatedAt);
    }

    public static QueueItemView of(CallQueueItem q) {
        return of(q, null);
    }
}
