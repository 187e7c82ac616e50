package io.switchboard.events;

/**
 * A versioned event payload (the CloudEvent {@code data}). Changes to a payload record are additive;
 * a breaking change is a new record with a new {@code .vN} type.
 */
public interface EventPayload {

    /** The id of the aggregate the event belongs to: CloudEvent subject and Kafka key. */
    String aggregateId();
}
