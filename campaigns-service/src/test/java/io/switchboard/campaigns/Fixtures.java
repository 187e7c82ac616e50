package io.switchboard.campaigns;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.platform.inbox.IdempotentConsumer;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

/** Shared steps of the campaigns tests: API calls as a tenant, SQL as a tenant, events through the real inbox. */
@Singleton
public class Fixtures {

    @Inject
    EntityManager em;

    @Inject
    IdempotentConsumer inbox;

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    public static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }

    /** A campaign with an agent, as a draft; extra JSON members may be given ("" for none). */
    public static String campaign(UUID tenant, String extra) {
        return asTenant(tenant).contentType(ContentType.JSON)
                .body("{\"name\":\"c-" + UUID.randomUUID() + "\",\"agentId\":\"" + UUID.randomUUID() + "\"" + extra + "}")
                .post("/api/v1/campaigns").then().statusCode(201).extract().path("id");
    }

    public static String upload(UUID tenant, String campaignId, String csv) {
        return asTenant(tenant).contentType("text/csv").body(csv).post("/api/v1/campaigns/" + campaignId + "/audience")
                .then().statusCode(201).extract().path("id");
    }

    public int sql(UUID tenant, String sql, Object... params) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return query.executeUpdate();
        }));
    }

    @SuppressWarnings("unchecked")
    public List<Object> column(UUID tenant, String sql, Object... params) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                query.setParameter(i + 1, params[i]);
            }
            return (List<Object>) query.getResultList();
        }));
    }

    public Object one(UUID tenant, String sql, Object... params) {
        List<Object> rows = column(tenant, sql, params);
        return rows.isEmpty() ? null : rows.get(0);
    }

    /** What the dispatcher does at claim: processing under a lease, one more attempt, its dial request id. */
    public String claim(UUID tenant, UUID item) {
        sql(tenant, """
                UPDATE call_queue SET status = 'processing', lease_owner = 'test', lease_expires_at = now() + interval '5 minutes',
                       attempts = attempts + 1, last_attempt_at = now(), dial_request_id = id::text || ':' || (attempts + 1)
                WHERE tenant_id = ?1 AND id = ?2""", tenant, item);
        return (String) one(tenant, "SELECT dial_request_id FROM call_queue WHERE tenant_id = ?1 AND id = ?2", tenant, item);
    }

    /** The row claimed and calls-service's answer delivered: a queued VAPI call for its dial request; the call's id. */
    public String dial(UUID tenant, UUID item) {
        String request = claim(tenant, item);
        String call = UUID.randomUUID().toString();
        deliver(EventCatalog.CALL_INITIATED, tenant, new CallInitiatedV1(call, "vapi", "p-" + call, null, "outbound",
                "queued", null, "+14155550100", null, null, null, Instant.now(), request));
        return call;
    }

    /** The call's call.completed with this status and disposition (12 s long). */
    public void complete(UUID tenant, String call, String status, String disposition) {
        deliver(EventCatalog.CALL_COMPLETED, tenant, new CallCompletedV1(call, status, disposition, 12, null, null, null,
                Instant.now()));
    }

    public <T extends EventPayload> IdempotentConsumer.Outcome deliver(EventType<T> type, UUID tenant, T data) {
        return inbox.consume(EventCodec.serialize(EventCodec.newEvent(type, "test", tenant, data)));
    }

    public static <T extends EventPayload> byte[] event(EventType<T> type, UUID tenant, T data) {
        return EventCodec.serialize(EventCodec.newEvent(type, "test", tenant, data));
    }
}
