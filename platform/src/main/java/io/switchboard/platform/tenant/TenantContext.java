package io.switchboard.platform.tenant;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import io.switchboard.platform.problem.ProblemException;

/**
 * The tenant the current request acts for: the single seam every query is scoped through. It is
 * filled by {@link TenantResolver} before any resource runs; services call {@link #require()} and
 * never read tenant ids from request bodies or parameters.
 */
@RequestScoped
public class TenantContext {

    private UUID tenantId;

    public Optional<UUID> current() {
        return Optional.ofNullable(tenantId);
    }

    public UUID require() {
        if (tenantId == null) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "this endpoint needs a tenant", java.util.List.of());
        }
        return tenantId;
    }

    void set(UUID tenantId) {
        this.tenantId = tenantId;
    }
}
