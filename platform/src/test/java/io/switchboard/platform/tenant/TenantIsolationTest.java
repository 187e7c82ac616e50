package io.switchboard.platform.tenant;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/** Row-level security as the services get it: the app connects as a role that does not own the tables. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class TenantIsolationTest {

    @Inject
    EntityManager em;

    @Test
    void theApplicationConnectsAsARoleThatOwnsNothingAndCannotBypassRowLevelSecurity() {
        Object[] role = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                SELECT current_user, r.rolbypassrls, r.rolsuper, pg_get_userbyid(c.relowner)
                FROM pg_roles r, pg_class c WHERE r.rolname = current_user AND c.relname = 'note'""").getSingleResult());
        assertEquals("switchboard_app", role[0]);
        assertFalse((Boolean) role[1]);
        assertFalse((Boolean) role[2]);
        assertEquals("switchboard", role[3], "the migrations' owner role owns the table");
    }

    @Test
    void noSqlTheApplicationIssuesCanSwitchRowLevelSecurityOff() {
        for (String sql : List.of("ALTER TABLE note NO FORCE ROW LEVEL SECURITY", "ALTER TABLE note DISABLE ROW LEVEL SECURITY",
                "DROP POLICY tenant_isolation ON note")) {
            PersistenceException e = assertThrows(PersistenceException.class,
                    () -> QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(sql).executeUpdate()), sql);
            assertTrue(String.valueOf(e.getCause()).contains("must be owner"), () -> sql + ": " + e.getCause());
        }
    }

    @Test
    void aDeliberatelyUnscopedQuerySeesOnlyTheCurrentTenantsRows() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        createNote(a);
        createNote(a);
        createNote(b);
        List<?> tenants = TenantScope.call(a, () -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("SELECT DISTINCT tenant_id FROM note").getResultList()));
        assertEquals(List.of(a), tenants);
        long withoutTenant = QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("SELECT count(*) FROM note").getSingleResult()).longValue());
        assertEquals(0, withoutTenant);
    }

    @Test
    void anotherTenantsNoteIsNotFound() {
        String location = createNote(UUID.randomUUID());
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID(), "notes:read")).get(location)
                .then().statusCode(404).contentType("application/problem+json");
    }

    private static String createNote(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant, "notes:write")).contentType("application/json")
                .body("{\"body\":\"hello\"}").post("/api/v1/notes").then().statusCode(201).extract().header("Location");
    }
}
