package io.switchboard.contacts.dnc;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * An opt-out of one channel. The phone is international (+14155550123) or national for the tenant's default
 * region; without {@code contactId} it is linked to the tenant's contact with that number, if any.
 */
public record CreateOptOutRequest(
        @NotBlank @Size(max = 32) String phone,
        @NotBlank @Pattern(regexp = DncVocabulary.CHANNELS, message = DncVocabulary.CHANNELS_MESSAGE) String channel,
        @Size(max = 500) String reason,
        @Pattern(regexp = DncVocabulary.SOURCES, message = DncVocabulary.SOURCES_MESSAGE) String source,
        UUID contactId) {
}
