package io.switchboard.calls.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.tenant.TenantScope;

/** The second line of defence: PostgreSQL itself hides other tenants' rows from a query with no WHERE. */
@QuarkusTest
class RowLevelSecurityTest {

    @Inject
    EntityManager em;

    @Inject
    CallService service;

    @Test
    void aDeliberatelyUnscopedQuerySeesOnlyTheCurrentTenantsCalls() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        createCalls(a, 2);
        createCalls(b, 3);

        List<?> tenantsSeenByA = unscoped(a, "SELECT DISTINCT tenant_id FROM call");
        assertEquals(List.of(a), tenantsSeenByA);
        assertEquals(3L, ((Number) unscoped(b, "SELECT count(*) FROM call").get(0)).longValue());
    }

    @Test
    void withoutATenantTheTableLooksEmpty() {
        createCalls(UUID.randomUUID(), 1);
        long visible = QuarkusTransaction.requiringNew().call(
                () -> ((Number) em.createNativeQuery("SELECT count(*) FROM call").getSingleResult()).longValue());
        assertEquals(0L, visible);
    }

    @Test
    void aRowForAnotherTenantCannotBeWritten() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        PersistenceException e = assertThrows(PersistenceException.class, () -> TenantScope.call(a,
                () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        INSERT INTO call (id, tenant_id, direction, status, to_number, created_at, updated_at)
                        VALUES (gen_random_uuid(), ?1, 'outbound', 'queued', '+14155550123', now(), now())""")
                        .setParameter(1, b).executeUpdate())));
        assertTrue(String.valueOf(e.getCause()).contains("row-level security") || String.valueOf(e).contains("row-level security"),
                () -> "expected an RLS violation, got " + e);
    }

    @Test
    void theServicesDatabaseRoleCannotSwitchRowLevelSecurityOff() {
        // the service connects as switchboard_app, which does not own the table; only the migrations run as the owner
        PersistenceException e = assertThrows(PersistenceException.class, () -> QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("ALTER TABLE call NO FORCE ROW LEVEL SECURITY").executeUpdate()));
        assertTrue(String.valueOf(e.getCause()).contains("must be owner"), () -> "expected permission denied, got " + e);
    }

    private void createCalls(UUID tenant, int n) {
        for (int i = 0; i < n; i++) {
            TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(
                    () -> service.create(tenant, new CreateCallRequest("+14155550123", null, null, null, null, null))));
        }
    }

    private List<?> unscoped(UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList()));
    }
}
