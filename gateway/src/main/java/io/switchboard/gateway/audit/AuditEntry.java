package io.switchboard.gateway.audit;

import java.time.OffsetDateTime;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** One admin audit log row as the API shows it; {@code details} is the stored JSON object. */
public record AuditEntry(UUID id, UUID actorUserId, UUID actorTenantId, UUID targetTenantId, String action,
        String resource, @JsonRawValue String details, String ip, String userAgent, OffsetDateTime createdAt) {
}
