package io.switchboard.calls.number;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "PhoneNumber")
public record PhoneNumberView(
        UUID id,
        @Schema(example = "+14155550199") String phoneNumber,
        @Schema(example = "Front desk") String friendlyName,
        @Schema(example = "US") String country,
        List<String> capabilities,
        UUID connectionId,
        String providerSid,
        UUID agentId,
        boolean active,
        @Schema(example = "America/Los_Angeles") String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static PhoneNumberView of(PhoneNumber n) {
        return new PhoneNumberView(n.id, n.e164, n.friendlyName, n.country, List.copyOf(n.capabilities), n.connectionId,
                n.providerSid, n.agentId, n.active, n.timeZone, n.createdAt, n.updatedAt);
    }
}
