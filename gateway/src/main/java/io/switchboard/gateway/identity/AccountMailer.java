package io.switchboard.gateway.identity;

import java.time.Instant;

/**
 * Delivers the single-use tokens of the account flows: password resets and e-mail verification. The default only
 * logs ({@link LoggingAccountMailer}); a real deployment plugs in its mail provider as an ordinary bean.
 */
public interface AccountMailer {

    void sendPasswordReset(PasswordResetMail mail);

    void sendEmailVerification(EmailVerificationMail mail);

    record PasswordResetMail(String email, String name, String token, Instant expiresAt) {
    }

    /** The token goes to {@code POST /api/v1/auth/verify-email}. */
    record EmailVerificationMail(String email, String name, String token, Instant expiresAt) {
    }
}
