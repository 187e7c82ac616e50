package io.switchboard.gateway.security;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.switchboard.gateway.identity.OrganizationStatus;

/** The blocking database side of proxy authentication; called on worker threads only. */
@ApplicationScoped
public class CallerLookups {

    @Inject
    EntityManager em;

    /** Is this user (and session, when the token names one) still allowed in, and how fast may their tenant go? */
    public record UserGrant(boolean valid, boolean tenantActive, Integer tenantLimit) {
    }

    /** A key found by hash; the caller decides about revocation and expiry. */
    public record KeyGrant(UUID id, UUID tenantId, Set<String> scopes, Instant expiresAt, boolean revoked,
            boolean tenantActive, Integer tenantLimit, Integer keyLimit) {
    }

    @Transactional
    public UserGrant user(UUID userId, UUID tenantId, UUID sessionId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT u.active, o.status, o.rate_limit_per_minute,
                       s.id IS NOT NULL AND s.revoked_at IS NULL AND s.expires_at > now() AS session_live
                FROM users u
                JOIN organizations o ON o.id = u.tenant_id
                LEFT JOIN sessions s ON s.id = ?3 AND s.user_id = u.id
                WHERE u.id = ?1 AND u.tenant_id = ?2""")
                .setParameter(1, userId).setParameter(2, tenantId).setParameter(3, sessionId == null ? new UUID(0, 0) : sessionId) // typed, never null
                .getResultList();
        if (rows.isEmpty()) {
            return new UserGrant(false, false, null);
        }
        Object[] row = rows.get(0);
        boolean sessionOk = sessionId == null || Boolean.TRUE.equals(row[3]);
        if (sessionId != null && sessionOk) {
            // "last used" for the session list, written at most once a minute per session
            em.createNativeQuery("UPDATE sessions SET last_used_at = now() WHERE id = ?1 "
                    + "AND last_used_at < now() - interval '1 minute'").setParameter(1, sessionId).executeUpdate();
        }
        return new UserGrant(Boolean.TRUE.equals(row[0]) && sessionOk, OrganizationStatus.ACTIVE.wire().equals(row[1]), integer(row[2]));
    }

    @Transactional
    public KeyGrant apiKey(String keyHash) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT k.id, k.tenant_id, array_to_string(k.scopes, ' '), k.expires_at, k.revoked_at IS NOT NULL,
                       o.status, o.rate_limit_per_minute, k.rate_limit_per_minute
                FROM api_keys k JOIN organizations o ON o.id = k.tenant_id
                WHERE k.key_hash = ?1""")
                .setParameter(1, keyHash)
                .getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = rows.get(0);
        UUID id = (UUID) row[0];
        em.createNativeQuery("UPDATE api_keys SET last_used_at = now() WHERE id = ?1 "
                + "AND (last_used_at IS NULL OR last_used_at < now() - interval '1 minute')")
                .setParameter(1, id).executeUpdate();
        return new KeyGrant(id, (UUID) row[1], new LinkedHashSet<>(Scopes.parse((String) row[2])), instant(row[3]),
                Boolean.TRUE.equals(row[4]), OrganizationStatus.ACTIVE.wire().equals(row[5]), integer(row[6]), integer(row[7]));
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass());
    }
}
