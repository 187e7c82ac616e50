package io.switchboard.events.tenant;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** An organization signed up. */
public record TenantCreatedV1(
        String tenantId,
        String slug,
        String name,
        String timeZone,
        Instant createdAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return tenantId;
    }
}
