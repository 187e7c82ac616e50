package io.switchboard.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventDeserializationException;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.jackson.JsonFormat;

/**
 * Writes and reads Switchboard events as CloudEvents 1.0 in structured JSON mode (the io.cloudevents
 * SDK does the envelope; Jackson binds {@code data} to the versioned payload record).
 */
public final class EventCodec {

    /** CloudEvent extension carrying the tenant (extension names are lower-case alphanumerics). */
    public static final String TENANT_EXTENSION = "tenantid";
    public static final String CONTENT_TYPE = JsonFormat.CONTENT_TYPE;

    private static final EventFormat FORMAT = new JsonFormat();
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // payload changes are additive: an older reader ignores fields a newer writer adds
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventCodec() {
    }

    /** The mapper used for payloads, shared so examples and tests bind exactly like production. */
    public static ObjectMapper payloadMapper() {
        return MAPPER;
    }

    /** A new event with a fresh id and the current UTC time (microsecond precision, as PostgreSQL stores it). */
    public static <T extends EventPayload> EventEnvelope<T> newEvent(EventType<T> type, String source, UUID tenantId, T data) {
        return newEvent(type, source, tenantId, data, Clock.systemUTC());
    }

    public static <T extends EventPayload> EventEnvelope<T> newEvent(EventType<T> type, String source, UUID tenantId, T data,
            Clock clock) {
        if (tenantId == null) {
            throw new IllegalArgumentException("every event belongs to a tenant");
        }
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        return new EventEnvelope<>(UUID.randomUUID(), type, source, data.aggregateId(), tenantId, now, data);
    }

    public static byte[] serialize(EventEnvelope<?> event) {
        byte[] data;
        try {
            data = MAPPER.writeValueAsBytes(event.data());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialize payload of " + event.type().type(), e);
        }
        CloudEvent cloudEvent = CloudEventBuilder.v1()
                .withId(event.id().toString())
                .withType(event.type().type())
                .withSource(URI.create(event.source()))
                .withSubject(event.subject())
                .withTime(event.time())
                .withDataContentType("application/json")
                .withExtension(TENANT_EXTENSION, event.tenantId().toString())
                .withData(data)
                .build();
        return FORMAT.serialize(cloudEvent);
    }

    public static EventEnvelope<?> deserialize(byte[] bytes) {
        CloudEvent cloudEvent;
        try {
            cloudEvent = FORMAT.deserialize(bytes);
        } catch (EventDeserializationException | IllegalArgumentException | IllegalStateException e) {
            throw new InvalidEventException("not a CloudEvents 1.0 JSON document: " + e.getMessage(), e);
        }
        EventType<?> type = EventCatalog.byType(cloudEvent.getType())
                .orElseThrow(() -> new InvalidEventException("unknown event type " + cloudEvent.getType()));
        return bind(cloudEvent, type);
    }

    private static <T extends EventPayload> EventEnvelope<T> bind(CloudEvent cloudEvent, EventType<T> type) {
        Object tenant = cloudEvent.getExtension(TENANT_EXTENSION);
        if (tenant == null || cloudEvent.getSubject() == null || cloudEvent.getTime() == null || cloudEvent.getData() == null) {
            throw new InvalidEventException("event " + cloudEvent.getId() + " lacks tenantid, subject, time or data");
        }
        try {
            T data = MAPPER.readValue(cloudEvent.getData().toBytes(), type.payloadClass());
            return new EventEnvelope<>(UUID.fromString(cloudEvent.getId()), type, cloudEvent.getSource().toString(),
                    cloudEvent.getSubject(), UUID.fromString(tenant.toString()),
                    cloudEvent.getTime().withOffsetSameInstant(ZoneOffset.UTC), data);
        } catch (IOException | IllegalArgumentException e) {
            throw new InvalidEventException("event " + cloudEvent.getId() + " of type " + type.type() + " does not bind: "
                    + e.getMessage(), e);
        }
    }
}
