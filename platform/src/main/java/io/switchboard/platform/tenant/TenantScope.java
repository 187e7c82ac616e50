package io.switchboard.platform.tenant;

import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant for work that has no HTTP request: event consumers and scheduled jobs run their
 * transactions inside {@link #call} so row-level security sees the event's tenant.
 */
public final class TenantScope {

    private static final ThreadLocal<UUID> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    public static <T> T call(UUID tenantId, Supplier<T> work) {
        UUID previous = CURRENT.get();
        CURRENT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    static UUID current() {
        return CURRENT.get();
    }
}
