package io.switchboard.calls.outbound;

import java.util.UUID;

/**
 * A dial request that passed its checks and has its queued call row: what is left to do after that row committed.
 * Held in memory only, between the consumer's transaction and the provider request.
 */
public record DialPlan(
        UUID tenantId,
        UUID callId,
        String dialRequestId,
        String campaignId,
        String contactId,
        UUID agentId,
        ProviderDial dial) {
}
