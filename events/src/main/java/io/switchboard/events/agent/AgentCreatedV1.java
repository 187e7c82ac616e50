package io.switchboard.events.agent;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/**
 * An agent (the provider-side assistant calls talk to) was created in calls-service. Calls name their agent by
 * {@code providerAgentId} within {@code connectionId}. Keyed by agent id.
 */
public record AgentCreatedV1(
        String agentId,
        String name,
        String connectionId,
        String provider,
        String providerAgentId,
        String type,
        String template,
        boolean enabled,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return agentId;
    }
}
