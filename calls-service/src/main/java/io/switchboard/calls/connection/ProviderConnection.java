package io.switchboard.calls.connection;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A tenant's account at a provider. The secret columns hold {@link SecretCipher} ciphertexts only. */
@Entity
@Table(name = "provider_connection")
public class ProviderConnection {

    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public UUID tenantId;

    @Column(nullable = false, updatable = false)
    public Provider provider;

    @Column(nullable = false)
    public String name;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    @Column(name = "api_key")
    public String apiKey;

    @Column(name = "account_sid")
    public String accountSid;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "allowed_ips", nullable = false)
    public List<String> allowedIps = new ArrayList<>();

    @Column(name = "api_base_url")
    public String apiBaseUrl;

    @Column(nullable = false)
    public boolean enabled = true;

    @Column(name = "secret_rotated_at")
    public OffsetDateTime secretRotatedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public OffsetDateTime updatedAt;
}
