package io.switchboard.gateway.identity;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

/** Ended sessions (with their refresh tokens) and spent reset tokens are kept a week for support, then deleted. */
@ApplicationScoped
public class IdentityCleanup {

    private static final Logger LOG = Logger.getLogger(IdentityCleanup.class);
    private static final Duration KEEP = Duration.ofDays(7);

    @Inject
    SessionRepository sessions;

    @Inject
    PasswordResetTokenRepository resets;

    @Inject
    EmailVerificationTokenRepository verifications;

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteEndedSessionsAndResetTokens() {
        Instant cutoff = Instant.now().minus(KEEP);
        long deletedSessions = sessions.deleteExpiredBefore(cutoff);
        long deletedResets = resets.deleteExpiredBefore(cutoff) + verifications.deleteExpiredBefore(cutoff);
        if (deletedSessions + deletedResets > 0) {
            LOG.infof("deleted %d ended sessions and %d old reset / verification tokens", deletedSessions, deletedResets);
        }
    }
}
