package io.switchboard.events.agent;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** An agent was deleted (with its custom functions); calls keep their history. Keyed by agent id. */
public record AgentDeletedV1(
        String agentId,
        String connectionId,
        String providerAgentId,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return agentId;
    }
}
