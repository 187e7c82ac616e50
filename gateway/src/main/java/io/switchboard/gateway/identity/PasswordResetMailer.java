package io.switchboard.gateway.identity;

import java.time.Instant;

/** Delivers password reset tokens. The default only logs; a real deployment plugs in its mail provider. */
public interface PasswordResetMailer {

    void send(PasswordResetMail mail);

    record PasswordResetMail(String email, String name, String token, Instant expiresAt) {
    }
}
