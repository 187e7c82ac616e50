package io.switchboard.calls.delivery;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The delivery log's optional filters: {@code from} inclusive, {@code to} exclusive. */
public record DeliveryFilter(UUID connectionId, DeliveryResult result, OffsetDateTime from, OffsetDateTime to) {
}
