package io.switchboard.calls.agent;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An agent as a client writes it (POST, and the result of a PATCH merged onto the stored agent). Absent optional
 * members take their defaults: type {@code call}, template {@code custom}, empty configurations, enabled.
 */
@Schema(name = "AgentRequest")
public record AgentRequest(
        @NotBlank @Size(max = 200) @Schema(example = "Ava – front desk") String name,
        @Size(max = 2000) String description,
        @NotNull @Schema(description = "a provider connection of the tenant") UUID connectionId,
        @NotBlank @Size(max = 200) @Schema(description = "the assistant's id at the provider; unique per connection",
                example = "asst_8d3f") String providerAgentId,
        @Pattern(regexp = "call|chat", message = "must be call or chat") @Schema(enumeration = { "call", "chat" }) String type,
        @Size(max = 50000) String systemPrompt,
        @Size(max = 2000) String greeting,
        @Pattern(regexp = "[a-z][a-z0-9_]{0,63}", message = "must be a lower-case identifier such as property_sales, property_manager or custom")
        @Schema(example = "property_sales") String template,
        @Schema(description = "validated against the connection's provider schema (docs/agents.md)") Map<String, Object> voiceConfig,
        Map<String, Object> llmConfig,
        Map<String, Object> taskConfig,
        Boolean enabled,
        @Schema(description = "a message template of the tenant for this agent's post-call SMS") UUID smsTemplateId) {

    static AgentRequest of(Agent a) {
        return new AgentRequest(a.name, a.description, a.connectionId, a.providerAgentId, a.type, a.systemPrompt,
                a.greeting, a.template, a.voiceConfig, a.llmConfig, a.taskConfig, a.enabled, a.smsTemplateId);
    }
}
