package io.switchboard.contacts.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.tenant.TenantScope;

/** The second line of defence: PostgreSQL itself hides other tenants' contacts from a query with no WHERE. */
@QuarkusTest
class ContactRowLevelSecurityTest {

    @Inject
    EntityManager em;

    @Inject
    ContactService service;

    @Test
    void aDeliberatelyUnscopedQuerySeesOnlyTheCurrentTenantsContactsAndNoTenantSeesNone() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        create(a, "+14155550131");
        create(b, "+14155550131");
        create(b, "+14155550132");

        assertEquals(List.of(a), unscoped(a, "SELECT DISTINCT tenant_id FROM contact"));
        assertEquals(2L, ((Number) unscoped(b, "SELECT count(*) FROM contact").get(0)).longValue());
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("SELECT count(*) FROM contact").getSingleResult())).longValue());
    }

    private void create(UUID tenant, String phone) {
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(
                () -> service.create(tenant, new CreateContactRequest(phone, null, null, null, null))));
    }

    private List<?> unscoped(UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList()));
    }
}
