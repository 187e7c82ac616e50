package io.switchboard.gateway.identity;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** Lets a user who forgot their password set a new one. */
@Entity
@Table(name = "password_reset_tokens")
public class PasswordResetToken extends OneTimeToken {
}
