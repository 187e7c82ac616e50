package io.switchboard.campaigns.outcome;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.switchboard.campaigns.campaign.CampaignService;
import io.switchboard.campaigns.queue.CallQueueRepository;
import io.switchboard.platform.tenant.BeforeTenantSwitch;

/**
 * "Is this campaign done?", asked once per campaign and tenant at the end of the inbox transaction's work for that
 * tenant instead of after every final outcome. Each check flushes the session and probes the queue for a live row; with
 * one per outcome, a batch of a tenant's outcomes flushed and probed once per event (the largest share of
 * campaigns-service's CPU in the dialer benchmark, docs/dispatcher.md "Benchmark"). The platform inbox calls
 * {@link #beforeTenantSwitch} before it moves to another tenant's records and when the transaction's last records are
 * applied, while their tenant is still the connection's and the current TenantScope: the check then sees every outcome
 * of the transaction.
 * <p>
 * Only the inbox's transactions request checks ({@link QueueOutcomes} runs in no other).
 */
@ApplicationScoped
public class CampaignCompletion implements BeforeTenantSwitch {

    private static final String PENDING = CampaignCompletion.class.getName() + ".pending";

    /** The campaigns of one tenant to check, in id order (concurrent transactions lock campaign rows in one order). */
    private record Pending(UUID tenantId, TreeSet<UUID> campaigns) {
    }

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    EntityManager em;

    @Inject
    CallQueueRepository queue;

    @Inject
    CampaignService lifecycle;

    /** The campaign may have run out of rows to dial: check it before the transaction's work for this tenant ends. */
    void request(UUID tenantId, UUID campaignId) {
        if (campaignId == null) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            throw new IllegalStateException("a campaign completion check needs the inbox's transaction");
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending != null && !pending.tenantId().equals(tenantId)) {
            checkPending(); // never expected (the inbox calls beforeTenantSwitch first), but never mixed either
            pending = null;
        }
        if (pending == null) {
            pending = new Pending(tenantId, new TreeSet<>());
            transactions.putResource(PENDING, pending);
        }
        pending.campaigns().add(campaignId);
    }

    @Override
    public void beforeTenantSwitch() {
        checkPending();
    }

    private void checkPending() {
        Pending pending = transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? null
                : (Pending) transactions.getResource(PENDING);
        if (pending == null || pending.campaigns().isEmpty()) {
            return;
        }
        List<UUID> campaigns = new ArrayList<>(pending.campaigns());
        pending.campaigns().clear();
        em.flush(); // the outcomes' row changes, before the probe reads the queue
        for (UUID campaign : campaigns) {
            if (!queue.hasLive(pending.tenantId(), campaign)) {
                lifecycle.advance(pending.tenantId(), campaign);
            }
        }
    }
}
