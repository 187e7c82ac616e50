package io.switchboard.calls.call;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A call to place (outbound) or record (inbound). Numbers are international, e.g. +14155550123. */
public record CreateCallRequest(
        @NotBlank @Size(max = 32) String toNumber,
        @Size(max = 32) String fromNumber,
        CallDirection direction,
        UUID agentId,
        UUID campaignId,
        UUID contactId) {
}
