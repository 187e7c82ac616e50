package io.switchboard.campaigns.campaign;

import java.sql.PreparedStatement;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.hibernate.Session;

import io.switchboard.platform.tenant.BeforeTenantSwitch;

/**
 * The campaign counters kept from call events: atomic SQL increments, so concurrent consumers (different calls of
 * one campaign) never lose an update.
 * <p>
 * An increment takes the campaign row's lock until its transaction ends, and the dialer's outcomes come in bursts per
 * campaign (a dispatch turn dials one tenant's rows together): taken in the middle of a consumer's transaction, that
 * lock queued every other outcome of the campaign behind the rest of the transaction (docs/dispatcher.md
 * "Benchmark"). So the increments of a transaction are added up and written just before it commits, one UPDATE per
 * campaign, and the lock is held only for the commit. Whatever reads the counters in the same transaction first calls
 * {@link #writePending} (the campaign completion does). A transaction that applies several tenants' call events (the
 * platform inbox's batches) writes each tenant's increments before it switches to the next ({@link BeforeTenantSwitch}):
 * under row-level security an UPDATE run as the next tenant would silently match no row.
 */
@ApplicationScoped
public class CampaignCounters implements BeforeTenantSwitch {

    public enum Counter {
        DIALED("dialed_count"), COMPLETED("completed_count"), BUSY("busy_count"), NO_ANSWER("no_answer_count"),
        VOICEMAIL("voicemail_count"), FAILED("failed_count"), DNC("dnc_count"), EXPIRED("expired_count"),
        CALLBACK("callback_count"), SKIPPED("skipped_count");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    private static final String PENDING = CampaignCounters.class.getName() + ".pending";

    /** Increments not yet written, per campaign, of one transaction. */
    private record Pending(UUID tenantId, Map<UUID, Map<Counter, Integer>> byCampaign) {
    }

    @Inject
    EntityManager em;

    @Inject
    TransactionSynchronizationRegistry transactions;

    public void increment(UUID tenantId, UUID campaignId, Counter counter) {
        if (campaignId == null) {
            return; // direct calls belong to no campaign
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            write(tenantId, Map.of(campaignId, Map.of(counter, 1)));
            return;
        }
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null || !pending.tenantId().equals(tenantId)) {
            if (pending != null) {
                writePending(); // another tenant's increments in the same transaction: never mixed in one batch
            }
            // campaigns in id order: concurrent transactions lock their campaign rows in the same order
            pending = new Pending(tenantId, new TreeMap<>());
            boolean first = transactions.getResource(PENDING + ".registered") == null;
            transactions.putResource(PENDING, pending);
            if (first) {
                transactions.putResource(PENDING + ".registered", Boolean.TRUE);
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        if (transactions.getTransactionStatus() == Status.STATUS_ACTIVE) {
                            writePending();
                        }
                    }

                    @Override
                    public void afterCompletion(int status) {
                        // written before the commit, or rolled back with it
                    }
                });
            }
        }
        pending.byCampaign().computeIfAbsent(campaignId, c -> new EnumMap<>(Counter.class)).merge(counter, 1, Integer::sum);
    }

    @Override
    public void beforeTenantSwitch() {
        writePending();
    }

    /** Writes this transaction's increments now: before anything in it reads the counters back. */
    public void writePending() {
        Pending pending = transactions.getTransactionStatus() == Status.STATUS_NO_TRANSACTION ? null
                : (Pending) transactions.getResource(PENDING);
        if (pending == null || pending.byCampaign().isEmpty()) {
            return;
        }
        Map<UUID, Map<Counter, Integer>> increments = new LinkedHashMap<>(pending.byCampaign());
        pending.byCampaign().clear();
        write(pending.tenantId(), increments);
    }

    private void write(UUID tenantId, Map<UUID, Map<Counter, Integer>> increments) {
        // plain JDBC on the transaction's connection: this also runs in beforeCompletion, after Hibernate's own flush
        em.unwrap(Session.class).doWork(connection -> {
            for (Map.Entry<UUID, Map<Counter, Integer>> campaign : increments.entrySet()) {
                StringBuilder set = new StringBuilder();
                for (Counter counter : campaign.getValue().keySet()) {
                    set.append(set.isEmpty() ? "" : ", ").append(counter.column).append(" = ").append(counter.column)
                            .append(" + ?");
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE campaign SET " + set + " WHERE tenant_id = ? AND id = ?")) {
                    int p = 1;
                    for (int by : campaign.getValue().values()) {
                        update.setInt(p++, by);
                    }
                    update.setObject(p++, tenantId);
                    update.setObject(p, campaign.getKey());
                    update.executeUpdate();
                }
            }
        });
    }
}
