package io.switchboard.campaigns.campaign;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.Topics;
import io.switchboard.events.campaign.CampaignCreatedV1;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TopicReader;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class CampaignOutboxTest {

    private static final Duration ARRIVAL = Duration.ofSeconds(30);

    @Inject
    EntityManager em;

    @Inject
    CampaignService service;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void createdCampaignIsPublishedKeyedByCampaignIdExactlyAsWrittenToTheOutbox() {
        String agent = UUID.randomUUID().toString();
        try (TopicReader reader = TopicReader.fromNow(Topics.CAMPAIGNS)) {
            String campaignId = asTenant(tenant).contentType(ContentType.JSON)
                    .body("{\"name\":\"Spring renewals\",\"agentId\":\"" + agent + "\"}")
                    .when().post("/api/v1/campaigns")
                    .then().statusCode(201).extract().path("id");
            ConsumerRecord<String, byte[]> record = reader.awaitKey(campaignId, ARRIVAL);

            assertArrayEquals(outboxRow(campaignId).getBytes(StandardCharsets.UTF_8), record.value());
            EventEnvelope<?> event = EventCodec.deserialize(record.value());
            assertEquals("io.switchboard.campaign.created.v1", event.type().type());
            assertEquals(tenant, event.tenantId());
            CampaignCreatedV1 data = (CampaignCreatedV1) event.data();
            assertEquals(campaignId, data.campaignId());
            assertEquals("Spring renewals", data.name());
            assertEquals("draft", data.status());
            assertEquals(agent, data.agentId());
            Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> publishedAt(campaignId) != null);
        }
    }

    @Test
    void aRolledBackCreateLeavesNeitherTheCampaignNorItsEvent() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            TenantScope.call(tenant, () -> service.create(tenant, CreateCampaignRequest.named("Rolled back")));
            throw new IllegalStateException("something later in the same transaction failed");
        }));
        assertEquals(0, count("SELECT count(*) FROM campaign WHERE tenant_id = ?1"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
    }

    @Test
    void aRejectedDuplicateWritesNoEvent() {
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"Once\"}")
                .when().post("/api/v1/campaigns").then().statusCode(201);
        asTenant(tenant).contentType(ContentType.JSON).body("{\"name\":\"Once\"}")
                .when().post("/api/v1/campaigns").then().statusCode(409);
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"));
    }

    private String outboxRow(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em
                .createNativeQuery("SELECT cloud_event FROM outbox_event WHERE event_key = ?1 AND event_type = ?2")
                .setParameter(1, campaignId).setParameter(2, "io.switchboard.campaign.created.v1").getSingleResult());
    }

    private Object publishedAt(String campaignId) {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("SELECT published_at FROM outbox_event WHERE event_key = ?1")
                .setParameter(1, campaignId).getSingleResult());
    }

    private long count(String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    private static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }
}
