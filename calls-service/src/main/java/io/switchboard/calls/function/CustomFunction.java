package io.switchboard.calls.function;

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

/** A tool an agent's LLM may call (table {@code custom_function}, V10). {@link #authConfig} is a ciphertext only. */
@Entity
@Table(name = "custom_function")
public class CustomFunction {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(name = "agent_id", nullable = false, updatable = false)
    public UUID agentId;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public String description;

    @Column(nullable = false)
    public String endpoint;

    @Column(nullable = false)
    public String method;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> headers = new LinkedHashMap<>();

    @Column(name = "auth_type", nullable = false)
    public String authType = "none";

    /** SecretCipher ciphertext of the auth configuration's JSON; context {@link FunctionService#authContext}. */
    @Column(name = "auth_config")
    public String authConfig;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, Object> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "response_mapping")
    public Map<String, Object> responseMapping;

    @Column(name = "timeout_seconds", nullable = false)
    public int timeoutSeconds = 30;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
