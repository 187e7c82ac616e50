package io.switchboard.contacts;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

/** What the records tests (memories, consent, customers, follow-ups, meetings) share: requests as a tenant, contacts, the outbox. */
@ApplicationScoped
public class RecordsApi {

    @Inject
    EntityManager em;

    /** The one place that says how a request proves its tenant: the internal token the gateway mints. */
    public static RequestSpecification asTenant(UUID tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant));
    }

    public static RequestSpecification json(UUID tenant, String body) {
        return asTenant(tenant).contentType(ContentType.JSON).body(body);
    }

    public static String createContact(UUID tenant, String phone) {
        return createContact(tenant, phone, null);
    }

    /** A contact with this phone and first name (none when null); its id. */
    public static String createContact(UUID tenant, String phone, String firstName) {
        String name = firstName == null ? "" : ",\"firstName\":\"" + firstName + "\"";
        return json(tenant, "{\"phone\":\"" + phone + "\"" + name + "}").post("/api/v1/contacts").then().statusCode(201)
                .extract().path("id");
    }

    /** The payloads of the tenant's outbox events of this type, oldest first. */
    public <T extends EventPayload> List<T> published(UUID tenant, EventType<T> type) {
        List<?> rows = inTenant(tenant, () -> em.createNativeQuery(
                "SELECT cloud_event FROM outbox_event WHERE tenant_id = ?1 AND event_type = ?2 ORDER BY seq")
                .setParameter(1, tenant).setParameter(2, type.type()).getResultList());
        return rows.stream().map(row -> type.payloadClass()
                .cast(EventCodec.deserialize(row.toString().getBytes(StandardCharsets.UTF_8)).data())).toList();
    }

    public long count(UUID tenant, String sql) {
        return inTenant(tenant, () -> ((Number) em.createNativeQuery(sql).setParameter(1, tenant).getSingleResult()).longValue());
    }

    public void execute(UUID tenant, String sql) {
        inTenant(tenant, () -> em.createNativeQuery(sql).setParameter(1, tenant).executeUpdate());
    }

    public <T> T inTenant(UUID tenant, Supplier<T> work) {
        return TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(work::get));
    }
}
