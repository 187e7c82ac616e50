package io.switchboard.events;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A decoded CloudEvent: the attributes Switchboard relies on plus the typed payload.
 *
 * @param id       CloudEvent id, unique per event; consumers deduplicate on it
 * @param type     the catalogue entry (CloudEvent {@code type})
 * @param source   the publishing service, e.g. {@code /switchboard/calls-service}
 * @param subject  the aggregate id, also the Kafka key
 * @param tenantId CloudEvent extension {@code tenantid}
 * @param time     when it happened, UTC
 */
public record EventEnvelope<T extends EventPayload>(
        UUID id,
        EventType<T> type,
        String source,
        String subject,
        UUID tenantId,
        OffsetDateTime time,
        T data) {

    public String topic() {
        return type.topic();
    }
}
