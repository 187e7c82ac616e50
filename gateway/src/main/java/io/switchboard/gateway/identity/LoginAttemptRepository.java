package io.switchboard.gateway.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LoginAttemptRepository implements PanacheRepositoryBase<LoginAttempt, UUID> {

    /** Failures counted against an e-mail: inside the window and after its latest successful login. */
    public Window failuresForEmail(String email, Instant since) {
        Object[] row = (Object[]) getEntityManager().createQuery("""
                select count(a), min(a.attemptedAt) from LoginAttempt a
                where a.email = ?1 and a.success = false and a.attemptedAt > ?2
                  and a.attemptedAt > coalesce((select max(s.attemptedAt) from LoginAttempt s
                                                where s.email = ?1 and s.success = true), ?2)""")
                .setParameter(1, email).setParameter(2, since)
                .getSingleResult();
        return new Window(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    public Window failuresForIp(String ip, Instant since) {
        Object[] row = (Object[]) getEntityManager().createQuery("""
                select count(a), min(a.attemptedAt) from LoginAttempt a
                where a.ip = ?1 and a.success = false and a.attemptedAt > ?2""")
                .setParameter(1, ip).setParameter(2, since)
                .getSingleResult();
        return new Window(((Number) row[0]).longValue(), (Instant) row[1]);
    }

    public long deleteOlderThan(Instant cutoff) {
        return delete("attemptedAt < ?1", cutoff);
    }

    /** How many failures, and the oldest of them (it leaves the window first). */
    public record Window(long failures, Instant oldest) {
    }
}
