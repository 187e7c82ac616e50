package io.switchboard.events;

import java.util.Objects;

/**
 * One event type of the catalogue: the CloudEvent {@code type}, the topic it travels on and the record
 * its {@code data} binds to. JSON Schema and example live at {@code events/<type>.schema.json} and
 * {@code events/<type>.example.json} on the classpath.
 */
public record EventType<T extends EventPayload>(String type, String topic, Class<T> payloadClass, String description) {

    public static final String PREFIX = "io.switchboard.";

    public EventType {
        Objects.requireNonNull(type);
        Objects.requireNonNull(topic);
        Objects.requireNonNull(payloadClass);
        if (!type.startsWith(PREFIX) || !type.matches("io\\.switchboard\\.[a-z_]+(\\.[a-z_]+)+\\.v\\d+")) {
            throw new IllegalArgumentException("event type must look like io.switchboard.<aggregate>.<event>.vN: " + type);
        }
    }

    public String schemaResource() {
        return "events/" + type + ".schema.json";
    }

    public String exampleResource() {
        return "events/" + type + ".example.json";
    }
}
