package io.switchboard.campaigns.outcome;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static io.switchboard.campaigns.Fixtures.upload;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.inbox.IdempotentConsumer.Delivery;

/**
 * Call outcomes of two tenants applied in one inbox batch (one transaction, platform IdempotentConsumer#consumeAll):
 * each tenant's campaign counts its own outcomes. The counters are added up per transaction and written before the
 * commit; under row-level security, one tenant's increments written while the next tenant is set would match no row,
 * so they are written at each tenant switch (CampaignCounters is a BeforeTenantSwitch). The campaign completion check
 * is kept for the same moments (CampaignCompletion).
 */
@QuarkusTest
class BatchedOutcomesTest {

    @Inject
    Fixtures fixtures;

    @Inject
    IdempotentConsumer inbox;

    @Inject
    EntityManager em;

    private record Active(UUID tenant, String campaignId, UUID item) {
    }

    private Active active(String phone) {
        UUID tenant = UUID.randomUUID();
        String campaignId = campaign(tenant, ",\"maxRetries\":1,\"retryMinutes\":{\"busy\":7}");
        upload(tenant, campaignId, "phone\n" + phone + "\n");
        asTenant(tenant).post("/api/v1/campaigns/" + campaignId + "/launch").then().statusCode(200);
        UUID item = (UUID) fixtures.one(tenant, "SELECT id FROM call_queue WHERE campaign_id = ?1", UUID.fromString(campaignId));
        return new Active(tenant, campaignId, item);
    }

    /** Both tenants' call.initiated and call.completed (with {@code status}) for their one row, applied in one batch. */
    private List<EventEnvelope<?>> applyInOneBatch(List<Active> tenants, String status) {
        List<EventEnvelope<?>> initiated = new ArrayList<>();
        List<EventEnvelope<?>> completed = new ArrayList<>();
        for (Active a : tenants) {
            String request = fixtures.claim(a.tenant(), a.item());
            String call = UUID.randomUUID().toString();
            initiated.add(EventCodec.newEvent(EventCatalog.CALL_INITIATED, "test", a.tenant(), new CallInitiatedV1(call, "vapi",
                    "p-" + call, null, "outbound", "queued", null, "+14155550100", null, null, null, Instant.now(), request)));
            completed.add(EventCodec.newEvent(EventCatalog.CALL_COMPLETED, "test", a.tenant(),
                    new CallCompletedV1(call, status, null, 12, null, null, null, Instant.now())));
        }
        // interleaved as they arrive; the batch applies them grouped by tenant, so it switches tenant once
        List<EventEnvelope<?>> events = List.of(initiated.get(0), initiated.get(1), completed.get(0), completed.get(1));
        List<Delivery> deliveries = events.stream().map(e -> new Delivery(EventCodec.serialize(e), Context.root(),
                "switchboard.calls\u0000" + e.subject())).toList();

        List<RuntimeException> failures = inbox.consumeAll(deliveries);

        assertTrue(failures.stream().allMatch(f -> f == null), failures::toString);
        List<String> ids = events.stream().map(e -> e.id().toString()).toList();
        long transactions = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(DISTINCT xmin::text) FROM processed_event WHERE event_id::text = ANY(?1)")
                .setParameter(1, ids.toArray(String[]::new)).getSingleResult()).longValue());
        assertEquals(1, transactions, "the four outcomes were applied in one transaction");
        return events;
    }

    /**
     * The completion check runs once per campaign when a tenant's records of the batch are applied (CampaignCompletion):
     * at the switch to the next tenant for the first, and at the end of the batch for the last. Both campaigns'
     * only row ends here, so both complete in the batch's transaction, each with its own counters.
     */
    @Test
    void theLastOutcomesOfTwoTenantsCampaignsInOneBatchCompleteBothCampaigns() {
        List<Active> tenants = List.of(active("+14155550403"), active("+14155550404"));

        applyInOneBatch(tenants, "completed");

        for (Active a : tenants) {
            asTenant(a.tenant()).get("/api/v1/campaigns/" + a.campaignId()).then()
                    .body("status", equalTo("completed")).body("counters.completed", equalTo(1));
            assertEquals("completed", fixtures.one(a.tenant(), "SELECT status FROM call_queue WHERE id = ?1", a.item()));
        }
    }

    @Test
    void twoTenantsOutcomesInOneTransactionEachCountOnTheirOwnCampaign() {
        List<Active> tenants = List.of(active("+14155550401"), active("+14155550402"));

        applyInOneBatch(tenants, "busy");

        for (Active a : tenants) {
            asTenant(a.tenant()).get("/api/v1/campaigns/" + a.campaignId()).then()
                    .body("counters.dialed", equalTo(1)).body("counters.busy", equalTo(1));
            assertEquals("pending", fixtures.one(a.tenant(), "SELECT status FROM call_queue WHERE id = ?1", a.item()));
        }
    }
}
