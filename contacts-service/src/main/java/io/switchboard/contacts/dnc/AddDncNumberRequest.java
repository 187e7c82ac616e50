package io.switchboard.contacts.dnc;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A number to put on a DNC list: international, or national for the tenant's default region. */
public record AddDncNumberRequest(
        @NotBlank @Size(max = 32) String phone,
        @Size(max = 500) String reason,
        @Pattern(regexp = DncVocabulary.SOURCES, message = DncVocabulary.SOURCES_MESSAGE) String source) {
}
