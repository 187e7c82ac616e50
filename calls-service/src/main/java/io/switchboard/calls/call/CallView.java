package io.switchboard.calls.call;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the API returns for a call; entities never leave the service. */
public record CallView(
        UUID id,
        CallDirection direction,
        CallStatus status,
        String fromNumber,
        String toNumber,
        UUID agentId,
        UUID campaignId,
        UUID contactId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static CallView of(Call call) {
        return new CallView(call.id, call.direction, call.status, call.fromNumber, call.toNumber, call.agentId,
                call.campaignId, call.contactId, call.createdAt, call.updatedAt);
    }
}
