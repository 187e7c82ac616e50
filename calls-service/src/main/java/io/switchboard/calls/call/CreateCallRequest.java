package io.switchboard.calls.call;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.switchboard.platform.phone.InternationalPhone;

/** A call to place (outbound) or record (inbound). Numbers are international, e.g. +14155550123. */
public record CreateCallRequest(
        @NotBlank @Size(max = 32) @InternationalPhone String toNumber,
        @Size(max = 32) @InternationalPhone String fromNumber,
        CallDirection direction,
        UUID agentId,
        UUID campaignId,
        UUID contactId) {
}
