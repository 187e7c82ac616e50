package io.switchboard.contacts.settings;

import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.IanaTimeZone;

/** The whole of a tenant's settings (PUT): a field left out takes its default (null region/zone, true flags). */
public record ContactSettingsRequest(
        @Schema(description = "ISO 3166-1 alpha-2; lets the API and imports accept national numbers", example = "US")
        @Size(max = 8) String defaultRegion,
        @Schema(description = "IANA zone; the last resort for a contact's dialing zone", example = "America/New_York")
        @Size(max = 64) @IanaTimeZone String defaultTimeZone,
        @Schema(defaultValue = "true") Boolean autoCreateContacts,
        @Schema(defaultValue = "true") Boolean saveMemories) {
}
