package io.switchboard.contacts.dnc;

import static io.switchboard.contacts.dnc.DncTestData.asTenant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.tenant.TenantScope;

/** The second line of defence on the new tables: PostgreSQL hides other tenants' rows from a query with no WHERE. */
@QuarkusTest
class DncRowLevelSecurityTest {

    @Inject
    EntityManager em;

    @ParameterizedTest
    @ValueSource(strings = { "opt_out", "dnc_list", "dnc_number" })
    void aDeliberatelyUnscopedQuerySeesOnlyTheCurrentTenantsRowsAndNoTenantSeesNone(String table) {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        for (UUID tenant : List.of(a, b)) {
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550401\",\"channel\":\"voice\"}")
                    .post("/api/v1/opt-outs").then().statusCode(201);
            asTenant(tenant).contentType(ContentType.JSON).body("{\"phone\":\"+14155550401\"}")
                    .post("/api/v1/dnc/lists/internal/numbers").then().statusCode(201);
        }
        String sql = "SELECT DISTINCT tenant_id FROM " + table;
        assertEquals(List.of(a), TenantScope.call(a, () -> QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery(sql).getResultList())));
        assertEquals(List.of(), QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList()));
    }
}
