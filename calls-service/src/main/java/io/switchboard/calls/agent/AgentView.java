package io.switchboard.calls.agent;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Agent")
public record AgentView(
        UUID id,
        String name,
        String description,
        UUID connectionId,
        @Schema(example = "vapi") String provider,
        String providerAgentId,
        String type,
        String systemPrompt,
        String greeting,
        String template,
        Map<String, Object> voiceConfig,
        Map<String, Object> llmConfig,
        Map<String, Object> taskConfig,
        boolean enabled,
        UUID smsTemplateId,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static AgentView of(Agent a, String provider) {
        return new AgentView(a.id, a.name, a.description, a.connectionId, provider, a.providerAgentId, a.type,
                a.systemPrompt, a.greeting, a.template, a.voiceConfig, a.llmConfig, a.taskConfig, a.enabled,
                a.smsTemplateId, a.createdAt, a.updatedAt);
    }
}
