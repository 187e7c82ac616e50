package io.switchboard.platform.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.arc.Arc;

/**
 * Row-level security's half of tenant isolation: every connection handed out by the pool carries
 * {@code app.tenant_id} = the current tenant (the request's verified token, else {@link TenantScope}),
 * or the empty string when there is none. Tenant tables have a policy comparing {@code tenant_id} with
 * it (see db/platform V0_2), so even a query that forgot its {@code WHERE tenant_id} sees one tenant.
 * With JTA a transaction keeps one connection, so the setting holds for the whole transaction.
 */
@ApplicationScoped
public class TenantConnectionInterceptor implements AgroalPoolInterceptor {

    @Inject
    TenantContext requestTenant;

    @Override
    public void onConnectionAcquire(Connection connection) {
        UUID tenant = currentTenant();
        try (PreparedStatement statement = connection.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
            statement.setString(1, tenant == null ? "" : tenant.toString());
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot set the tenant on a database connection", e);
        }
    }

    private UUID currentTenant() {
        UUID scoped = TenantScope.current();
        if (scoped != null) {
            return scoped;
        }
        if (Arc.container().requestContext().isActive()) {
            return requestTenant.current().orElse(null);
        }
        return null;
    }
}
