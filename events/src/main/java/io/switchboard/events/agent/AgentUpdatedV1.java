package io.switchboard.events.agent;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/** An agent was changed; carries its identifying fields after the change and the names of the changed fields. Keyed by agent id. */
public record AgentUpdatedV1(
        String agentId,
        String name,
        String connectionId,
        String provider,
        String providerAgentId,
        String type,
        String template,
        boolean enabled,
        List<String> changedFields,
        Instant at) implements EventPayload {

    @Override
    public String aggregateId() {
        return agentId;
    }
}
