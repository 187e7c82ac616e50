package io.switchboard.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import io.switchboard.gateway.security.Secrets;

/**
 * A single-use secret mailed to a user (password reset, e-mail verification): stored as its SHA-256 only,
 * usable once before it expires. Each kind has its own table; the rules are here once.
 */
@MappedSuperclass
public abstract class OneTimeToken {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "tenant_id")
    public UUID tenantId;

    @Column(name = "token_hash")
    public String tokenHash;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "used_at")
    public Instant usedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Fills this token for {@code user}; returns the secret to mail (only its hash is kept). */
    String issueFor(User user, Instant now, Duration ttl) {
        String secret = Secrets.token(43);
        id = UUID.randomUUID();
        userId = user.id;
        tenantId = user.tenantId;
        tokenHash = Secrets.sha256(secret);
        createdAt = now;
        expiresAt = now.plus(ttl);
        return secret;
    }

    boolean usableAt(Instant now) {
        return usedAt == null && expiresAt.isAfter(now);
    }
}
