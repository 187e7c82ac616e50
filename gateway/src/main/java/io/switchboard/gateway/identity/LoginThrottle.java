package io.switchboard.gateway.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.switchboard.gateway.security.AuthConfig;
import io.switchboard.gateway.security.AuthProblem;

/**
 * Too many failed logins for one e-mail or from one IP inside the window → 429 with Retry-After, before the
 * password is even checked. Attempts are rows in {@code login_attempts}, so every replica sees the same counts.
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);

    @Inject
    LoginAttemptRepository attempts;

    @Inject
    AuthConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void check(String email, String ip, Instant now) {
        AuthConfig.Throttle throttle = config.throttle();
        Instant since = now.minus(throttle.window());
        LoginAttemptRepository.Window byEmail = attempts.failuresForEmail(email, since);
        if (byEmail.failures() >= throttle.maxFailuresPerEmail()) {
            throw tooMany("too many failed logins for this account", byEmail, now);
        }
        LoginAttemptRepository.Window byIp = attempts.failuresForIp(ip, since);
        if (byIp.failures() >= throttle.maxFailuresPerIp()) {
            throw tooMany("too many failed logins from this address", byIp, now);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String email, String ip, boolean success, Instant now) {
        LoginAttempt attempt = new LoginAttempt();
        attempt.id = UUID.randomUUID();
        attempt.email = email;
        attempt.ip = ip;
        attempt.success = success;
        attempt.attemptedAt = now;
        attempts.persist(attempt);
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void deleteOldAttempts() {
        long deleted = attempts.deleteOlderThan(Instant.now().minus(config.throttle().retention()));
        if (deleted > 0) {
            LOG.infof("deleted %d old login attempts", deleted);
        }
    }

    private AuthProblem tooMany(String detail, LoginAttemptRepository.Window window, Instant now) {
        Instant free = window.oldest() == null ? now.plus(config.throttle().window())
                : window.oldest().plus(config.throttle().window());
        long seconds = Math.max(1, Duration.between(now, free).toSeconds() + 1);
        return AuthProblem.tooManyRequests(detail + "; try again in " + seconds + " s", seconds, Map.of());
    }
}
