package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.switchboard.platform.paging.Keyset;
import io.switchboard.platform.paging.PageRequest;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    /** Newest login first (a stable key, unlike last use), after the page's cursor; one row more than the limit. */
    public List<Session> liveSessionsOf(UUID userId, Instant now, PageRequest page) {
        Keyset keyset = Keyset.after(page.after(), "createdAt", "id", Instant.class);
        return find("userId = :userId and revokedAt is null and expiresAt > :now" + keyset.and() + keyset.orderBy(),
                keyset.params(Map.of("userId", userId, "now", now))).range(0, page.fetchSize() - 1).list();
    }

    public Optional<Session> findOwn(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResultOptional();
    }

    /** Ends a session and every refresh token of its family. */
    public void revoke(UUID sessionId, String reason, Instant now) {
        update("revokedAt = ?1, revokedReason = ?2 where id = ?3 and revokedAt is null", now, reason, sessionId);
        getEntityManager().createQuery(
                "update RefreshToken set revokedAt = ?1 where familyId = ?2 and revokedAt is null")
                .setParameter(1, now).setParameter(2, sessionId).executeUpdate();
    }

    public void revokeAllOf(UUID userId, String reason, Instant now) {
        update("revokedAt = ?1, revokedReason = ?2 where userId = ?3 and revokedAt is null", now, reason, userId);
        getEntityManager().createQuery(
                "update RefreshToken set revokedAt = ?1 where userId = ?2 and revokedAt is null")
                .setParameter(1, now).setParameter(2, userId).executeUpdate();
    }

    public long deleteExpiredBefore(Instant cutoff) {
        return delete("expiresAt < ?1 or revokedAt < ?1", cutoff);
    }
}
