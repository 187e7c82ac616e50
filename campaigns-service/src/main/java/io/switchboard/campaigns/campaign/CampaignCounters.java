package io.switchboard.campaigns.campaign;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/**
 * The campaign counters kept from call events. One atomic increment per applied event, so concurrent consumers
 * (different calls of one campaign) never lose an update and never take the campaign row's lock for long.
 */
@ApplicationScoped
public class CampaignCounters {

    public enum Counter {
        DIALED("dialed_count"), COMPLETED("completed_count"), BUSY("busy_count"), NO_ANSWER("no_answer_count"),
        VOICEMAIL("voicemail_count"), FAILED("failed_count"), DNC("dnc_count"), EXPIRED("expired_count"),
        CALLBACK("callback_count"), SKIPPED("skipped_count");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    @Inject
    EntityManager em;

    public void increment(UUID tenantId, UUID campaignId, Counter counter) {
        if (campaignId == null) {
            return; // direct calls belong to no campaign
        }
        em.createNativeQuery("UPDATE campaign SET " + counter.column + " = " + counter.column
                + " + 1 WHERE tenant_id = ?1 AND id = ?2")
                .setParameter(1, tenantId).setParameter(2, campaignId).executeUpdate();
    }
}
