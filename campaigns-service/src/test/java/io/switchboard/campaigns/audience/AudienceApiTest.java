package io.switchboard.campaigns.audience;

import static io.switchboard.campaigns.Fixtures.asTenant;
import static io.switchboard.campaigns.Fixtures.campaign;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.campaigns.Fixtures;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.Topics;
import io.switchboard.events.contact.ContactCreatedV1;
import io.switchboard.events.contact.ContactUpdatedV1;
import io.switchboard.testsupport.TopicWriter;

@QuarkusTest
class AudienceApiTest {

    @Inject
    Fixtures fixtures;

    private final UUID tenant = UUID.randomUUID();

    @Test
    void aCsvQueuesValidRowsWithVariablesAndZonesAndListsTheRestByLine() {
        String id = campaign(tenant, ",\"defaultRegion\":\"US\"");
        String csv = """
                phone,first_name,plan
                +14155550301,Ada,gold
                not a number,Bob,
                (212) 555-0302,Alan,silver
                +1 415 555 0301,Ada again,
                +14155550303,Grace,
                ,Nobody,
                """;
        String upload = asTenant(tenant).contentType("text/csv").body(csv).post("/api/v1/campaigns/" + id + "/audience")
                .then().statusCode(201).body("status", equalTo("completed"))
                .body("rowsTotal", equalTo(6)).body("rowsQueued", equalTo(3)).body("rowsDuplicate", equalTo(1))
                .body("rowsInvalid", equalTo(2)).extract().path("id");
        asTenant(tenant).get("/api/v1/campaigns/" + id + "/audience/uploads/" + upload + "/errors").then().statusCode(200)
                .body("line", equalTo(List.of(3, 5, 7))).body("field", equalTo(List.of("phone", "phone", "phone")))
                .body("[1].reason", equalTo("duplicate of line 2"));
        asTenant(tenant).get("/api/v1/call-queue?campaignId=" + id + "&status=pending").then().statusCode(200)
                .body("items.size()", equalTo(3));
        Object variables = fixtures.one(tenant, "SELECT CAST(variables AS text) FROM call_queue WHERE campaign_id = ?1 AND phone = ?2",
                UUID.fromString(id), "+12125550302");
        assertEquals("{\"plan\": \"silver\", \"first_name\": \"Alan\"}", variables);
        assertEquals("[\"America/New_York\"]", fixtures.one(tenant,
                "SELECT CAST(time_zones AS text) FROM call_queue WHERE campaign_id = ?1 AND phone = ?2", UUID.fromString(id), "+12125550302"));
    }

    @Test
    void numbersAlreadyLiveInTheCampaignAreDuplicatesOfASecondUploadAlsoAsMultipart() {
        String id = campaign(tenant, "");
        Fixtures.upload(tenant, id, "phone\n+14155550311\n");
        asTenant(tenant).multiPart("file", "list.csv", "phone,note\n+14155550311,again\n+14155550312,new\n".getBytes(), "text/csv")
                .post("/api/v1/campaigns/" + id + "/audience").then().statusCode(201)
                .body("rowsQueued", equalTo(1)).body("rowsDuplicate", equalTo(1));
        asTenant(tenant).get("/api/v1/campaigns/" + id + "/audience/uploads").then().statusCode(200).body("items.size()", equalTo(2));
    }

    @Test
    void aFileWithoutAPhoneColumnIsRefusedAndNothingIsRecorded() {
        String id = campaign(tenant, "");
        asTenant(tenant).contentType("text/csv").body("name,email\nAda,a@example.com\n").post("/api/v1/campaigns/" + id + "/audience")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("file"));
        asTenant(tenant).contentType(ContentType.JSON).body("{}").post("/api/v1/campaigns/" + id + "/audience").then().statusCode(415);
        assertEquals(0L, ((Number) fixtures.one(tenant, "SELECT count(*) FROM audience_upload WHERE campaign_id = ?1",
                UUID.fromString(id))).longValue());
    }

    @Test
    void anotherTenantsCampaignIs404WhateverTheBody() {
        String id = campaign(tenant, "");
        UUID other = UUID.randomUUID();
        asTenant(other).contentType("text/csv").body("phone\n+14155550321\n").post("/api/v1/campaigns/" + id + "/audience")
                .then().statusCode(404);
        asTenant(other).contentType(ContentType.JSON).body("{}").post("/api/v1/campaigns/" + id + "/audience/tags").then().statusCode(404);
    }

    @Test
    void contactsWithATagJoinFromTheReplicaFedByContactEvents() {
        String vip = UUID.randomUUID().toString();
        String plain = UUID.randomUUID().toString();
        String retagged = UUID.randomUUID().toString();
        TopicWriter.send(Topics.CONTACTS, vip, Fixtures.event(EventCatalog.CONTACT_CREATED, tenant, new ContactCreatedV1(vip,
                "+14155550331", "Ada", null, null, Instant.now(), List.of("America/Chicago"), "explicit", List.of("vip"))));
        TopicWriter.send(Topics.CONTACTS, plain, Fixtures.event(EventCatalog.CONTACT_CREATED, tenant, new ContactCreatedV1(plain,
                "+14155550332", "Bob", null, null, Instant.now(), List.of(), null, List.of("other"))));
        TopicWriter.send(Topics.CONTACTS, retagged, Fixtures.event(EventCatalog.CONTACT_CREATED, tenant, new ContactCreatedV1(retagged,
                "+14155550333", "Cy", null, null, Instant.now(), List.of(), null, List.of())));
        TopicWriter.send(Topics.CONTACTS, retagged, Fixtures.event(EventCatalog.CONTACT_UPDATED, tenant, new ContactUpdatedV1(retagged,
                "+14155550333", null, "Cy", null, null, List.of("America/Denver"), "number", List.of("tags"), Instant.now(),
                List.of("vip"))));
        // the shared test Kafka's switchboard.contacts holds every earlier module's events, read from the earliest offset
        Awaitility.await().atMost(Duration.ofSeconds(180)).until(() -> ((Number) fixtures.one(tenant,
                "SELECT count(*) FROM contact_replica WHERE tenant_id = ?1 AND tags @> CAST('[\"vip\"]' AS jsonb)", tenant)).intValue() == 2);
        String id = campaign(tenant, "");
        asTenant(tenant).contentType(ContentType.JSON).body("{\"tags\":[\"vip\"]}").post("/api/v1/campaigns/" + id + "/audience/tags")
                .then().statusCode(201).body("source", equalTo("tags")).body("rowsQueued", equalTo(2));
        assertEquals(List.of("[\"America/Chicago\"]", "[\"America/Denver\"]"), fixtures.column(tenant,
                "SELECT CAST(time_zones AS text) FROM call_queue WHERE campaign_id = ?1 ORDER BY phone", UUID.fromString(id)));
        asTenant(tenant).contentType(ContentType.JSON).body("{\"tags\":[]}").post("/api/v1/campaigns/" + id + "/audience/tags")
                .then().statusCode(400).body("errors[0].field", equalTo("tags"));
    }
}
