package io.switchboard.contacts.dnc;

import static io.restassured.RestAssured.given;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

/** What the opt-out and DNC tests share: requests as a tenant, and reading what a tenant's transactions left behind. */
final class DncTestData {

    private DncTestData() {
    }

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }

    /** A valid US number no other test run is likely to use (tenants are fresh anyway). */
    static String randomUsNumber() {
        return "+1415555" + String.format("%04d", ThreadLocalRandom.current().nextInt(10000));
    }

    static long count(EntityManager em, UUID tenant, String sql) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, tenant).getSingleResult()).longValue()));
    }

    static long events(EntityManager em, UUID tenant, String type) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = ?2")
                .setParameter(1, tenant).setParameter(2, type).getSingleResult()).longValue()));
    }

    /** The tenant's events of one type in the order they were written, decoded. */
    @SuppressWarnings("unchecked")
    static List<EventEnvelope<?>> decodedEvents(EntityManager em, UUID tenant, String type) {
        List<String> rows = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT cloud_event FROM outbox_event WHERE tenant_id = ?1 AND event_type = ?2 ORDER BY seq")
                .setParameter(1, tenant).setParameter(2, type).getResultList()));
        return rows.stream().<EventEnvelope<?>>map(r -> EventCodec.deserialize(r.getBytes(java.nio.charset.StandardCharsets.UTF_8))).toList();
    }

    static void defaultRegion(EntityManager em, UUID tenant, String region) {
        TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                INSERT INTO contact_settings (tenant_id, default_region, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (tenant_id) DO UPDATE SET default_region = EXCLUDED.default_region""")
                .setParameter(1, tenant).setParameter(2, region).setParameter(3, OffsetDateTime.now()).executeUpdate()));
    }
}
