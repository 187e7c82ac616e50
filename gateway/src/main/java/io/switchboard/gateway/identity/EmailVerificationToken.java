package io.switchboard.gateway.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Proves that a user reads mail at their address. */
@Entity
@Table(name = "email_verification_tokens")
public class EmailVerificationToken extends OneTimeToken {
}
