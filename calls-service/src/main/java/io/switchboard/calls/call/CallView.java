package io.switchboard.calls.call;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** What the API returns for a call; entities never leave the service. Fields after updatedAt come from providers. */
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
        OffsetDateTime updatedAt,
        String provider,
        String providerCallId,
        UUID connectionId,
        String providerAgentId,
        Disposition disposition,
        DispositionFlags flags,
        OffsetDateTime startedAt,
        OffsetDateTime endedAt,
        Integer durationSeconds,
        BigDecimal cost,
        String endedReason,
        String summary,
        String sentiment,
        String successEvaluation,
        Map<String, Object> structuredData,
        OffsetDateTime lastEventAt,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "inbound routing: transferred_to_team, "
                + "team_no_answer, direct_to_agent or completed; null when the call was not routed", example = "direct_to_agent")
        String routingStatus,
        @org.eclipse.microprofile.openapi.annotations.media.Schema(description = "the tenant's number an inbound call came in on")
        UUID phoneNumberId) {

    static CallView of(Call call) {
        return new CallView(call.id, call.direction, call.status, call.fromNumber, call.toNumber, call.agentId,
                call.campaignId, call.contactId, call.createdAt, call.updatedAt, call.provider, call.providerCallId,
                call.connectionId, call.providerAgentId, call.disposition, call.flags(), call.startedAt, call.endedAt,
                call.durationSeconds, call.cost, call.endedReason, call.summary, call.sentiment, call.successEvaluation,
                call.structuredData, call.lastEventAt, call.routingStatus, call.phoneNumberId);
    }
}
