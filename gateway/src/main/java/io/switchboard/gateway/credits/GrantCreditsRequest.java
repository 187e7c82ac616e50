package io.switchboard.gateway.credits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/admin/tenants/{id}/credits}: credits to add and why. */
public record GrantCreditsRequest(
        @NotNull @Positive @Max(100_000_000) Integer amount,
        @NotNull @Pattern(regexp = "purchase|refund|adjustment", message = "must be one of purchase, refund, adjustment") String type,
        @Size(max = 500) String description) {
}
