package io.switchboard.campaigns.campaign;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.switchboard.platform.tenant.TenantScope;

/**
 * Starts scheduled campaigns on their start date, completes campaigns after their end date or once nothing is left to
 * dial. Stateless: each round asks the database which campaigns are due (V4's SECURITY DEFINER function, ids only),
 * then acts on each as its tenant under row-level security; several replicas may run it (the row lock serializes).
 */
@ApplicationScoped
public class CampaignScheduler {

    private static final Logger LOG = Logger.getLogger(CampaignScheduler.class);

    @Inject
    EntityManager em;

    @Inject
    CampaignService campaigns;

    @ConfigProperty(name = "switchboard.campaigns.scheduler-batch", defaultValue = "200")
    int batch;

    @Scheduled(every = "${switchboard.campaigns.scheduler-interval:15s}", delayed = "${switchboard.campaigns.scheduler-delay:5s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        List<Object[]> due = QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT campaign_tenant, due_campaign FROM switchboard_campaigns_due(?1)", Object[].class)
                .setParameter(1, batch).getResultList());
        for (Object[] row : due) {
            UUID tenantId = (UUID) row[0];
            UUID campaignId = (UUID) row[1];
            try {
                TenantScope.call(tenantId, () -> {
                    QuarkusTransaction.requiringNew().run(() -> campaigns.advance(tenantId, campaignId));
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warnf("campaign scheduler could not advance tenant=%s campaign=%s: %s", tenantId, campaignId, e.toString());
            }
        }
    }
}
