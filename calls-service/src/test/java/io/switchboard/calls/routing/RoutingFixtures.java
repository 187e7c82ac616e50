package io.switchboard.calls.routing;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.switchboard.calls.agent.Agent;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

/** What routing tests need in a tenant: a connection and a number through the API, an agent row (no agents API here). */
public final class RoutingFixtures {

    private RoutingFixtures() {
    }

    public static UUID connection(UUID tenant, String json) {
        return UUID.fromString(given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/provider-connections").then().statusCode(201).extract().path("id"));
    }

    /** An agent row, written as the agents API would (the routing reads the table, not that API). */
    public static UUID agent(EntityManager em, UUID tenant, UUID connectionId, String providerAgentId, boolean enabled) {
        Agent agent = new Agent();
        agent.id = UUID.randomUUID();
        agent.tenantId = tenant;
        agent.name = "Receptionist";
        agent.connectionId = connectionId;
        agent.providerAgentId = providerAgentId;
        agent.enabled = enabled;
        agent.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        agent.updatedAt = agent.createdAt;
        TenantScope.call(tenant, () -> {
            QuarkusTransaction.requiringNew().run(() -> em.persist(agent));
            return null;
        });
        return agent.id;
    }

    public static UUID number(UUID tenant, String json) {
        return UUID.fromString(given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON).body(json)
                .post("/api/v1/phone-numbers").then().statusCode(201).extract().path("id"));
    }

    public static void schedule(UUID tenant, UUID numberId, String json) {
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON).body(json)
                .put("/api/v1/phone-numbers/" + numberId + "/routing").then().statusCode(200);
    }

    public static long count(EntityManager em, UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }
}
