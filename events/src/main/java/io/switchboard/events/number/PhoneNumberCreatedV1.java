package io.switchboard.events.number;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/**
 * A tenant's phone number was created (calls-service); the number as it is now. Keyed by the phone number's id.
 *
 * @param phoneNumber  E.164
 * @param country      ISO 3166-1 alpha-2
 * @param capabilities any of voice, sms, mms
 * @param timeZone     IANA zone the number's routing schedule is read in
 */
public record PhoneNumberCreatedV1(
        String phoneNumberId,
        String phoneNumber,
        String friendlyName,
        String country,
        List<String> capabilities,
        String connectionId,
        String providerSid,
        String agentId,
        boolean active,
        String timeZone,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return phoneNumberId;
    }
}
