package io.switchboard.calls.agent;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The provider-side assistant a call talks to, reached through one provider connection (table {@code agent}, V8). */
@Entity
@Table(name = "agent")
public class Agent {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "connection_id", nullable = false)
    public UUID connectionId;

    /** The assistant's id at the provider; unique per connection. */
    @Column(name = "provider_agent_id", nullable = false)
    public String providerAgentId;

    /** {@code call} or {@code chat}. */
    @Column(nullable = false)
    public String type = "call";

    @Column(name = "system_prompt")
    public String systemPrompt;

    public String greeting;

    @Column(nullable = false)
    public String template = "custom";

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "voice_config", nullable = false)
    public Map<String, Object> voiceConfig = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "llm_config", nullable = false)
    public Map<String, Object> llmConfig = new LinkedHashMap<>();

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "task_config", nullable = false)
    public Map<String, Object> taskConfig = new LinkedHashMap<>();

    @Column(nullable = false)
    public boolean enabled = true;

    /** The post-call SMS template of this agent's calls (V10); none: the tenant's default. */
    @Column(name = "sms_template_id")
    public UUID smsTemplateId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
