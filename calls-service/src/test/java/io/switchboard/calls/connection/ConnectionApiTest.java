package io.switchboard.calls.connection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class ConnectionApiTest {

    private static final String AUTH = "Authorization";
    private static final String BASE = "/api/v1/provider-connections";

    @Inject
    EntityManager em;

    @Inject
    ConnectionService service;

    private final UUID tenant = UUID.randomUUID();

    private String create(UUID owner, String json) {
        return given().header(AUTH, TestTokens.bearer(owner)).contentType(ContentType.JSON).body(json).post(BASE)
                .then().statusCode(201).header("Location", containsString(BASE + "/")).extract().path("id");
    }

    private Object[] storedSecrets(UUID owner, String id) {
        return TenantScope.call(owner, () -> QuarkusTransaction.requiringNew().call(() -> (Object[]) em
                .createNativeQuery("SELECT webhook_secret, api_key FROM provider_connection WHERE id = ?1")
                .setParameter(1, UUID.fromString(id)).getSingleResult()));
    }

    @Test
    void aConnectionListsTheUrlsToGiveTheProviderAndNeverItsSecrets() {
        String body = given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"provider\":\"vapi\",\"name\":\"VAPI prod\",\"webhookSecret\":\"vapi-server-secret\",\"apiKey\":\"vapi-private-key\"}")
                .post(BASE).then().statusCode(201)
                .body("provider", equalTo("vapi"))
                .body("enabled", equalTo(true))
                .body("hasApiKey", equalTo(true))
                .body("webhookUrls.voice", nullValue())
                .extract().asString();
        assertFalse(body.contains("vapi-server-secret") || body.contains("vapi-private-key"), body);
        String id = io.restassured.path.json.JsonPath.from(body).getString("id");
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(200)
                .body("webhookUrls.events", equalTo("http://localhost:8080/webhooks/vapi/" + id))
                .body(not(containsString("vapi-server-secret")));
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE).then().statusCode(200).body("items.id", hasItem(id))
                .body(not(containsString("vapi-private-key")));

        String twilio = create(tenant, "{\"provider\":\"twilio\",\"name\":\"T\",\"webhookSecret\":\"tok\",\"accountSid\":\"AC1\"}");
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + twilio).then().statusCode(200)
                .body("webhookUrls.voice", equalTo("http://localhost:8080/webhooks/twilio/" + twilio + "/voice"))
                .body("webhookUrls.status", equalTo("http://localhost:8080/webhooks/twilio/" + twilio + "/status"))
                .body("webhookUrls.events", nullValue())
                .body("accountSid", equalTo("AC1"));
    }

    @Test
    void secretsAreStoredEncryptedUnderTheCurrentKeyAndDecryptForProviderFacingCode() {
        String id = create(tenant, "{\"provider\":\"retell\",\"name\":\"R\",\"webhookSecret\":\"key_abc\",\"apiKey\":\"key_abc\"}");
        Object[] stored = storedSecrets(tenant, id);
        for (Object column : stored) {
            assertTrue(column.toString().startsWith("test2:"), column.toString());
            assertFalse(column.toString().contains("key_abc"));
        }
        assertFalse(stored[0].equals(stored[1]), "the same secret in two columns encrypts differently");
        ConnectionCredentials credentials = TenantScope.call(tenant,
                () -> QuarkusTransaction.requiringNew().call(() -> service.credentials(tenant, UUID.fromString(id)))).orElseThrow();
        assertEquals("key_abc", credentials.webhookSecret());
        assertEquals("key_abc", credentials.apiKey());
        assertFalse(credentials.toString().contains("key_abc"));
    }

    @Test
    void withoutATenantTheServiceSeesNoConnectionButCanLearnWhoseAnIdIs() {
        String id = create(tenant, "{\"provider\":\"vapi\",\"name\":\"V\",\"webhookSecret\":\"s\"}");
        // the owner's policy is for its SECURITY DEFINER functions only: the service's own role still sees nothing
        long visible = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM provider_connection").getSingleResult()).longValue());
        assertEquals(0L, visible);
        assertEquals(java.util.Optional.of(tenant), QuarkusTransaction.requiringNew().call(() -> service.tenantOf(UUID.fromString(id))));
        assertEquals(java.util.Optional.empty(), QuarkusTransaction.requiringNew().call(() -> service.tenantOf(UUID.randomUUID())));
        // and another tenant's scope does not widen it
        long seenByOther = TenantScope.call(UUID.randomUUID(), () -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT count(*) FROM provider_connection").getSingleResult()).longValue()));
        assertEquals(0L, seenByOther);
    }

    @Test
    void rotatingTheSecretReplacesItAndRecordsWhen() {
        String id = create(tenant, "{\"provider\":\"elevenlabs\",\"name\":\"E\",\"webhookSecret\":\"old\"}");
        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body("{\"webhookSecret\":\"new\"}")
                .post(BASE + "/" + id + "/rotate-secret").then().statusCode(200).body("secretRotatedAt", org.hamcrest.Matchers.notNullValue())
                .body(not(containsString("\"new\"")));
        ConnectionCredentials credentials = TenantScope.call(tenant,
                () -> QuarkusTransaction.requiringNew().call(() -> service.credentials(tenant, UUID.fromString(id)))).orElseThrow();
        assertEquals("new", credentials.webhookSecret());

        given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body("{}")
                .post(BASE + "/" + id + "/rotate-secret").then().statusCode(400).body("errors.field", hasItem("webhookSecret"));
    }

    @Test
    void invalidConnectionsAreRefusedNamingTheField() {
        record Case(String json, String field) {
        }
        List<Case> cases = List.of(
                new Case("{\"provider\":\"skype\",\"name\":\"x\",\"webhookSecret\":\"s\"}", "provider"),
                new Case("{\"name\":\"x\",\"webhookSecret\":\"s\"}", "provider"),
                new Case("{\"provider\":\"vapi\",\"webhookSecret\":\"s\"}", "name"),
                new Case("{\"provider\":\"vapi\",\"name\":\"x\"}", "webhookSecret"),
                new Case("{\"provider\":\"bolna\",\"name\":\"x\"}", "webhookSecret"),
                new Case("{\"provider\":\"bolna\",\"name\":\"x\",\"allowedIps\":[\"203.0.113.0/24\",\"bolna.ai\"]}", "allowedIps[1]"),
                new Case("{\"provider\":\"bolna\",\"name\":\"x\",\"allowedIps\":[\"10.0.0.0/33\"]}", "allowedIps[0]"),
                new Case("{\"provider\":\"vapi\",\"name\":\"x\",\"webhookSecret\":\"s\",\"allowedIps\":[\"10.0.0.1\"]}", "allowedIps"),
                new Case("{\"provider\":\"vapi\",\"name\":\"x\",\"webhookSecret\":\"s\",\"apiBaseUrl\":\"ftp://x\"}", "apiBaseUrl"),
                new Case("{\"provider\":\"vapi\",\"name\":\"" + "n".repeat(201) + "\",\"webhookSecret\":\"s\"}", "name"));
        for (Case c : cases) {
            given().header(AUTH, TestTokens.bearer(tenant)).contentType(ContentType.JSON).body(c.json()).post(BASE)
                    .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(c.field()));
        }
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE).then().statusCode(200).body("items.size()", equalTo(0));
    }

    @Test
    void aBolnaConnectionMayRelyOnItsAllowListAlone() {
        create(tenant, "{\"provider\":\"bolna\",\"name\":\"B\",\"allowedIps\":[\" 13.200.45.61 \",\"2001:db8::/32\"],"
                + "\"apiBaseUrl\":\"http://127.0.0.1:9999/\"}");
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE).then().statusCode(200)
                .body("items[0].allowedIps", equalTo(List.of("13.200.45.61", "2001:db8::/32")))
                .body("items[0].apiBaseUrl", equalTo("http://127.0.0.1:9999"));
    }

    @Test
    void anotherTenantCannotSeeRotateDisableOrDeleteAConnection() {
        String id = create(tenant, "{\"provider\":\"vapi\",\"name\":\"V\",\"webhookSecret\":\"s\"}");
        UUID other = UUID.randomUUID();
        given().header(AUTH, TestTokens.bearer(other)).get(BASE + "/" + id).then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).contentType(ContentType.JSON).body("{}").post(BASE + "/" + id + "/rotate-secret")
                .then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).contentType(ContentType.JSON).body("{}").post(BASE + "/" + id + "/disable")
                .then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).delete(BASE + "/" + id).then().statusCode(404);
        given().header(AUTH, TestTokens.bearer(other)).get(BASE).then().statusCode(200).body("items.size()", equalTo(0));
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(200).body("enabled", equalTo(true));
    }

    @Test
    void disableEnableAndDelete() {
        String id = create(tenant, "{\"provider\":\"vapi\",\"name\":\"V\",\"webhookSecret\":\"s\"}");
        given().header(AUTH, TestTokens.bearer(tenant)).post(BASE + "/" + id + "/disable").then().statusCode(200).body("enabled", equalTo(false));
        given().header(AUTH, TestTokens.bearer(tenant)).post(BASE + "/" + id + "/enable").then().statusCode(200).body("enabled", equalTo(true));
        given().header(AUTH, TestTokens.bearer(tenant)).delete(BASE + "/" + id).then().statusCode(204);
        given().header(AUTH, TestTokens.bearer(tenant)).get(BASE + "/" + id).then().statusCode(404);
    }

    @Test
    void listWalksEveryConnectionOnceNewestFirst() {
        UUID owner = UUID.randomUUID();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, create(owner, "{\"provider\":\"vapi\",\"name\":\"V" + i + "\",\"webhookSecret\":\"s\"}"));
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var page = given().header(AUTH, TestTokens.bearer(owner)).queryParam("limit", 2)
                    .queryParam("cursor", cursor == null ? "" : cursor).get(BASE).then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.id"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        assertEquals(created, seen);
    }
}
