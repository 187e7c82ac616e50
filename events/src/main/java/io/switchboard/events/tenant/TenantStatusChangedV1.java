package io.switchboard.events.tenant;

import java.time.Instant;

import io.switchboard.events.EventPayload;

/** A super_admin suspended or re-activated an organization; a suspended tenant must not be dialed for. */
public record TenantStatusChangedV1(
        String tenantId,
        String status,
        Instant changedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return tenantId;
    }
}
