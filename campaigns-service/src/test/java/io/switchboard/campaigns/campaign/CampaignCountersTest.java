package io.switchboard.campaigns.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.campaign.CampaignCounters.Counter;
import io.switchboard.campaigns.dispatch.DialerFixtures;
import io.switchboard.platform.tenant.TenantScope;

/** Counter increments are added up per transaction and written just before it commits (never on a rollback). */
@QuarkusTest
class CampaignCountersTest {

    @Inject
    CampaignCounters counters;

    @Inject
    EntityManager em;

    @Inject
    DialerFixtures fx;

    @Test
    void aTransactionsIncrementsAreWrittenTogetherAtItsCommitAndNeverOnARollback() {
        UUID tenant = UUID.randomUUID();
        UUID campaign = fx.campaign(tenant, null);
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                counters.increment(tenant, campaign, Counter.DIALED);
                counters.increment(tenant, campaign, Counter.DIALED);
                counters.increment(tenant, campaign, Counter.BUSY);
                // not written yet: the campaign row is not locked while the rest of the transaction runs
                assertEquals(0, dialed(campaign));
                counters.writePending(); // what a reader in the same transaction calls first
                assertEquals(2, dialed(campaign));
                counters.increment(tenant, campaign, Counter.DIALED);
            });
            return null;
        });
        assertEquals(3L, fx.count(tenant, "SELECT dialed_count FROM campaign WHERE id = ?1", campaign));
        assertEquals(1L, fx.count(tenant, "SELECT busy_count FROM campaign WHERE id = ?1", campaign));

        // a transaction marked rollback-only: its commit fails, and its increment is never written
        assertThrows(QuarkusTransactionException.class, () -> TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> {
                counters.increment(tenant, campaign, Counter.DIALED);
                QuarkusTransaction.setRollbackOnly();
            });
            return null;
        }));
        assertEquals(3L, fx.count(tenant, "SELECT dialed_count FROM campaign WHERE id = ?1", campaign));
    }

    private int dialed(UUID campaign) {
        return ((Number) em.createNativeQuery("SELECT dialed_count FROM campaign WHERE id = ?1").setParameter(1, campaign)
                .getSingleResult()).intValue();
    }
}
