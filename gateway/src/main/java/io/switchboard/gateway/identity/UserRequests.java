package io.switchboard.gateway.identity;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public final class UserRequests {

    private UserRequests() {
    }

    /** An admin adds a user to their own organization; {@code role} is user (default) or admin. */
    public record CreateUser(
            @NotBlank @Email @Size(max = Emails.MAX_LENGTH) String email,
            @NotBlank @Size(max = 255) String name,
            @NotBlank @Size(min = Passwords.MIN_LENGTH, max = Passwords.MAX_LENGTH) String password,
            @Pattern(regexp = "user|admin", message = "must be user or admin") String role,
            @Size(max = 255) String company,
            @Size(max = 50) String phone) {
    }
}
