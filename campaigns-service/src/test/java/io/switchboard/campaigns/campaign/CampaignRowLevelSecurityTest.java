package io.switchboard.campaigns.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.tenant.TenantScope;

/** The second line of defence: PostgreSQL itself hides other tenants' campaigns from a query with no WHERE. */
@QuarkusTest
class CampaignRowLevelSecurityTest {

    @Inject
    EntityManager em;

    @Inject
    CampaignService service;

    @Test
    void aDeliberatelyUnscopedQuerySeesOnlyTheCurrentTenantsCampaignsAndNoTenantSeesNone() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        create(a, "Alpha");
        create(b, "Alpha");
        create(b, "Beta");

        assertEquals(List.of(a), unscoped(a, "SELECT DISTINCT tenant_id FROM campaign"));
        assertEquals(2L, ((Number) unscoped(b, "SELECT count(*) FROM campaign").get(0)).longValue());
        assertEquals(0L, ((Number) QuarkusTransaction.requiringNew().call(
                () -> em.createNativeQuery("SELECT count(*) FROM campaign").getSingleResult())).longValue());
    }

    private void create(UUID tenant, String name) {
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(
                () -> service.create(tenant, CreateCampaignRequest.named(name))));
    }

    private List<?> unscoped(UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).getResultList()));
    }
}
