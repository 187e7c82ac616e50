package io.switchboard.campaigns.audience;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/** Contacts carrying any of these tags join the campaign. */
public record TagAudienceRequest(@NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 100) String> tags) {
}
