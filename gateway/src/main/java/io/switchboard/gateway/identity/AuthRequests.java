package io.switchboard.gateway.identity;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.switchboard.gateway.security.Secrets;

/** Request bodies of /api/v1/auth/... */
public final class AuthRequests {

    private AuthRequests() {
    }

    public record Signup(@NotNull @Valid NewOrganization organization, @NotNull @Valid NewAdmin admin) {
    }

    public record NewOrganization(
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Pattern(regexp = "[a-z0-9](?:[a-z0-9-]{1,61}[a-z0-9])", message = "3-63 lower-case letters, digits or inner hyphens") String slug,
            @NotBlank @Size(max = 64) String timeZone) {
    }

    public record NewAdmin(
            @NotBlank @Email @Size(max = Emails.MAX_LENGTH) String email,
            @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
            @NotBlank @Size(max = 255) String name) {
    }

    /** No minimum on the password here: a too-short guess is simply wrong (401), not a validation error. */
    public record Login(@NotBlank @Email @Size(max = Emails.MAX_LENGTH) String email,
            @NotBlank @Size(max = Passwords.MAX_LENGTH) String password) {
    }

    public record Refresh(@NotBlank @Size(max = Secrets.MAX_PRESENTED_LENGTH) String refreshToken) {
    }

    public record PasswordReset(@NotBlank @Email @Size(max = Emails.MAX_LENGTH) String email) {
    }

    public record VerifyEmail(@NotBlank @Size(max = Secrets.MAX_PRESENTED_LENGTH) String token) {
    }

    public record PasswordResetConfirm(@NotBlank @Size(max = Secrets.MAX_PRESENTED_LENGTH) String token,
            @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String newPassword) {
    }
}
