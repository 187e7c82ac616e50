package io.switchboard.calls.agent;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.calls.call.CallModel;
import io.switchboard.calls.call.CallStatus;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Signed;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
public class AgentApiTest {

    private static final String BASE = "/api/v1/agents";

    @Inject
    EntityManager em;

    @Inject
    CallModel model;

    private final UUID tenant = UUID.randomUUID();

    static UUID vapiConnection(UUID tenant) {
        return Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"VAPI\",\"webhookSecret\":\"vapi-secret\"}");
    }

    static String agentJson(UUID connection, String providerAgentId) {
        return "{\"name\":\"Ava\",\"connectionId\":\"" + connection + "\",\"providerAgentId\":\"" + providerAgentId + "\","
                + "\"template\":\"property_sales\",\"voiceConfig\":{\"provider\":\"11labs\",\"voiceId\":\"rachel\",\"speed\":1.0},"
                + "\"llmConfig\":{\"model\":\"gpt-4o\",\"temperature\":0.3}}";
    }

    public static String createAgent(UUID tenant, UUID connection, String providerAgentId) {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(agentJson(connection, providerAgentId)).post(BASE).then().statusCode(201).extract().path("id");
    }

    @Test
    void anAgentIsCreatedReadListedPatchedAndDeletedWithItsEvents() {
        UUID connection = vapiConnection(tenant);
        String id = createAgent(tenant, connection, "asst_1");
        given().header("Authorization", TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(200)
                .body("provider", equalTo("vapi")).body("type", equalTo("call")).body("enabled", equalTo(true))
                .body("template", equalTo("property_sales")).body("voiceConfig.voiceId", equalTo("rachel"));
        given().header("Authorization", TestTokens.bearer(tenant)).get(BASE).then().statusCode(200).body("items.id", hasItem(id));

        given().header("Authorization", TestTokens.bearer(tenant)).contentType("application/merge-patch+json")
                .body("{\"enabled\":false,\"voiceConfig\":{\"speed\":1.2},\"greeting\":\"Hello\"}").patch(BASE + "/" + id)
                .then().statusCode(200).body("enabled", equalTo(false)).body("voiceConfig.speed", equalTo(1.2f))
                .body("voiceConfig.voiceId", equalTo("rachel")).body("greeting", equalTo("Hello"));
        assertEquals(1L, outbox("io.switchboard.agent.created.v1"));
        assertEquals(1L, outbox("io.switchboard.agent.updated.v1"));

        given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).get(BASE + "/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).delete(BASE + "/" + id).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(tenant)).delete(BASE + "/" + id).then().statusCode(204);
        given().header("Authorization", TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(404);
        assertEquals(1L, outbox("io.switchboard.agent.deleted.v1"));
    }

    @Test
    void aConnectionOfAnotherTenantOrNoneIsA400NamingConnectionId() {
        UUID foreign = vapiConnection(UUID.randomUUID());
        for (UUID connection : new UUID[] { foreign, UUID.randomUUID() }) {
            given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                    .body(agentJson(connection, "asst_x")).post(BASE).then().statusCode(400)
                    .contentType("application/problem+json").body("errors.field", hasItem("connectionId"));
        }
    }

    @Test
    void theSameProviderAgentIdTwiceOnOneConnectionIsAConflictButFineOnAnother() {
        UUID connection = vapiConnection(tenant);
        createAgent(tenant, connection, "asst_dup");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(agentJson(connection, "asst_dup")).post(BASE).then().statusCode(409).contentType("application/problem+json");
        createAgent(tenant, vapiConnection(tenant), "asst_dup");
    }

    @Test
    void configurationOutsideTheProvidersSchemaAndABadTypeAre400sNamingTheField() {
        UUID connection = vapiConnection(tenant);
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"connectionId\":\"" + connection + "\",\"providerAgentId\":\"a\","
                        + "\"voiceConfig\":{\"speed\":9,\"provider\":\"nobody\"},\"llmConfig\":{\"temperature\":\"hot\"}}")
                .post(BASE).then().statusCode(400)
                .body("errors.field", hasItem("voiceConfig.speed")).body("errors.field", hasItem("voiceConfig.provider"))
                .body("errors.field", hasItem("llmConfig.temperature"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"name\":\"A\",\"connectionId\":\"" + connection + "\",\"providerAgentId\":\"a\",\"type\":\"sms\"}")
                .post(BASE).then().statusCode(400).body("errors.field", hasItem("type"));
        String id = createAgent(tenant, connection, "asst_patch");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType("application/merge-patch+json")
                .body("{\"taskConfig\":{\"maxDurationSeconds\":1},\"id\":\"x\"}").patch(BASE + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("id"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType("application/merge-patch+json")
                .body("{\"taskConfig\":{\"maxDurationSeconds\":1}}").patch(BASE + "/" + id).then().statusCode(400)
                .body("errors.field", hasItem("taskConfig.maxDurationSeconds"));
        given().header("Authorization", TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(200)
                .body("taskConfig.maxDurationSeconds", equalTo(null));
    }

    @Test
    void deletingAConnectionThatHasAgentsIsAConflictNotAServerError() {
        UUID connection = vapiConnection(tenant);
        String agent = createAgent(tenant, connection, "asst_keep");
        given().header("Authorization", TestTokens.bearer(tenant)).delete("/api/v1/provider-connections/" + connection)
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", TestTokens.bearer(tenant)).delete(BASE + "/" + agent).then().statusCode(204);
        given().header("Authorization", TestTokens.bearer(tenant)).delete("/api/v1/provider-connections/" + connection)
                .then().statusCode(204);
    }

    @Test
    void aProviderCallNamingTheAgentsProviderIdIsLinkedToTheAgentOfThatConnectionOnly() {
        UUID connection = vapiConnection(tenant);
        UUID other = vapiConnection(tenant);
        String agent = createAgent(tenant, connection, "asst_link");
        UUID linked = apply(connection, "asst_link");
        UUID elsewhere = apply(other, "asst_link");
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls/" + linked).then().statusCode(200)
                .body("agentId", equalTo(agent));
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls/" + elsewhere).then().statusCode(200)
                .body("agentId", equalTo(null));
    }

    @Test
    void agentsArePagedNewestFirstByCursorAndOnlyTheTenantsOwn() {
        UUID connection = vapiConnection(tenant);
        List<String> created = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createAgent(tenant, connection, "asst_page_" + i));
        }
        UUID other = UUID.randomUUID();
        createAgent(other, vapiConnection(other), "asst_page_0"); // another tenant's, same provider id: never in this list
        List<String> walked = new java.util.ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = given().header("Authorization", TestTokens.bearer(tenant)).queryParam("limit", 2);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            io.restassured.path.json.JsonPath page = spec.get(BASE).then().statusCode(200).extract().jsonPath();
            List<String> ids = page.getList("items.id", String.class);
            assertTrue(ids.size() <= 2, ids::toString);
            walked.addAll(ids);
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);
        List<String> newestFirst = new java.util.ArrayList<>(created);
        java.util.Collections.reverse(newestFirst);
        assertEquals(newestFirst, walked);
        assertEquals(3, pages);
    }

    private UUID apply(UUID connection, String providerAgentId) {
        NormalizedEvent event = NormalizedEvent.builder("vapi", UUID.randomUUID().toString(), UUID.randomUUID().toString(), "status-update")
                .status(CallStatus.IN_PROGRESS).providerAgentId(providerAgentId).build();
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew()
                .call(() -> model.applyProviderEvent(tenant, connection, event, Instant.now()).callId()));
    }

    private long outbox(String type) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = ?2").setParameter(1, tenant)
                .setParameter(2, type).getSingleResult()).longValue()));
    }
}
