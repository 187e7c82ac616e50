package io.switchboard.calls.function;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.calls.agent.AgentApiTest;
import io.switchboard.calls.agent.CapturedLog;
import io.switchboard.calls.webhook.Signed;
import io.switchboard.platform.tenant.TenantScope;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;

/** Custom functions through real PostgreSQL, with WireMock as the tool's endpoint. */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "calls"))
class FunctionApiTest {

    private static final String SECRET = "tok-S3CRET-never-shown-42";
    private static WireMockServer tool;

    @Inject
    EntityManager em;

    private final UUID tenant = UUID.randomUUID();
    private String agent;
    private String base;

    @BeforeAll
    static void startTool() {
        tool = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        tool.start();
    }

    @AfterAll
    static void stopTool() {
        tool.stop();
    }

    @BeforeEach
    void agent() {
        tool.resetAll();
        UUID connection = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"VAPI\",\"webhookSecret\":\"s\"}");
        agent = AgentApiTest.createAgent(tenant, connection, "asst_" + UUID.randomUUID());
        base = "/api/v1/agents/" + agent + "/functions";
    }

    private String function(String name, String path, int timeoutSeconds, String auth) {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json(name, tool.baseUrl() + path, timeoutSeconds, auth)).post(base).then().statusCode(201)
                .extract().path("id");
    }

    private static String json(String name, String endpoint, int timeoutSeconds, String auth) {
        return "{\"name\":\"" + name + "\",\"description\":\"Books a viewing\",\"endpoint\":\"" + endpoint + "\",\"method\":\"POST\","
                + "\"headers\":{\"X-Source\":\"switchboard\"}," + auth + "\"parameters\":{\"type\":\"object\",\"properties\":"
                + "{\"date\":{\"type\":\"string\"},\"propertyId\":{\"type\":\"string\"}},\"required\":[\"date\",\"propertyId\"]},"
                + "\"responseMapping\":{\"result\":\"$.confirmation\"},\"timeoutSeconds\":" + timeoutSeconds + "}";
    }

    private static final String BEARER = "\"authType\":\"bearer\",\"authConfig\":{\"token\":\"" + SECRET + "\"},";

    @Test
    void theToolSecretIsEncryptedAtRestNeverReturnedAndNeverLoggedYetSentToTheTool() {
        try (CapturedLog log = CapturedLog.open()) {
            String created = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                    .body(json("book_viewing", tool.baseUrl() + "/viewings", 5, BEARER)).post(base).then().statusCode(201)
                    .body("authConfigured", org.hamcrest.Matchers.equalTo(true)).body("authType", org.hamcrest.Matchers.equalTo("bearer"))
                    .extract().asString();
            assertFalse(created.contains(SECRET), created);
            String id = io.restassured.path.json.JsonPath.from(created).getString("id");
            given().header("Authorization", TestTokens.bearer(tenant)).get(base + "/" + id).then().statusCode(200)
                    .body(not(containsString(SECRET)));
            given().header("Authorization", TestTokens.bearer(tenant)).get(base).then().statusCode(200)
                    .body("items.id", hasItem(id)).body(not(containsString(SECRET)));
            String stored = TenantScope.call(tenant, () -> QuarkusTransaction.requiringNew().call(() -> (String) em
                    .createNativeQuery("SELECT auth_config FROM custom_function WHERE id = ?1").setParameter(1, UUID.fromString(id))
                    .getSingleResult()));
            assertFalse(stored.contains(SECRET));
            assertTrue(stored.startsWith("test2:"), "encrypted under the current key");

            // a tool that echoes its credentials: the test result masks them
            tool.stubFor(post("/viewings").willReturn(aResponse().withStatus(200)
                    .withBody("{\"confirmation\":\"V-1\",\"seen\":\"Bearer " + SECRET + "\"}")));
            String result = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                    .body("{\"arguments\":{\"date\":\"2026-11-25\",\"propertyId\":\"P-1\"}}").post(base + "/" + id + "/test")
                    .then().statusCode(200).body("ok", org.hamcrest.Matchers.equalTo(true))
                    .body("status", org.hamcrest.Matchers.equalTo(200)).body("body", containsString("V-1")).extract().asString();
            assertFalse(result.contains(SECRET), result);
            tool.verify(postRequestedFor(urlEqualTo("/viewings")).withHeader("Authorization", equalTo("Bearer " + SECRET))
                    .withHeader("X-Source", equalTo("switchboard"))
                    .withRequestBody(equalToJson("{\"date\":\"2026-11-25\",\"propertyId\":\"P-1\"}")));

            // replaced without authConfig: the stored secret stays and still reaches the tool
            given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                    .body(json("book_viewing", tool.baseUrl() + "/viewings", 5, "\"authType\":\"bearer\",")).put(base + "/" + id)
                    .then().statusCode(200).body("authConfigured", org.hamcrest.Matchers.equalTo(true)).body(not(containsString(SECRET)));
            assertTrue(log.text().contains("custom function tested tenant=" + tenant), "the capture saw the service's log lines");
            assertFalse(log.text().contains(SECRET), "a tool secret was logged");
        }
    }

    @Test
    void invalidParameterSchemasBadAuthAndDuplicateNamesAreRefusedNamingTheField() {
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", tool.baseUrl(), 5, "").replace("\"type\":\"object\",\"properties\"", "\"type\":\"objekt\",\"properties\""))
                .post(base).then().statusCode(400).body("errors.field", hasItem("parameters.type"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", tool.baseUrl(), 5, "").replace("\"required\":[\"date\",\"propertyId\"]", "\"required\":\"date\""))
                .post(base).then().statusCode(400).body("errors.field", hasItem("parameters.required"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", tool.baseUrl(), 5, "").replace("{\"type\":\"string\"}", "{\"$ref\":\"" + tool.baseUrl() + "/s.json\"}"))
                .post(base).then().statusCode(400).body("errors.field", hasItem("parameters.properties.date.$ref"));
        // by path: the tool stub is shared by the class, and an earlier test's slow request may be logged after resetAll
        assertTrue(tool.findAll(anyRequestedFor(urlEqualTo("/s.json"))).isEmpty(), "a remote $ref is never fetched");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", tool.baseUrl(), 5, "\"authType\":\"basic\",\"authConfig\":{\"username\":\"u\"},"))
                .post(base).then().statusCode(400).body("errors.field", hasItem("authConfig.password"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", "ftp://example.com", 5, "")).post(base).then().statusCode(400).body("errors.field", hasItem("endpoint"));
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("f", tool.baseUrl(), 5, "").replace("\"X-Source\"", "\"Authorization\"")).post(base).then().statusCode(400)
                .body("errors.field", hasItem("headers.Authorization"));
        function("dup", "/x", 5, "");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("dup", tool.baseUrl(), 5, "")).post(base).then().statusCode(409);
        // another tenant's agent: 404 whatever the body
        given().header("Authorization", TestTokens.bearer(UUID.randomUUID())).contentType(ContentType.JSON).body("{}")
                .post(base).then().statusCode(404);
    }

    @Test
    void sampleArgumentsAreValidatedAgainstTheParametersSchema() {
        String id = function("check", "/check", 5, "");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"arguments\":{\"date\":42}}").post(base + "/" + id + "/test").then().statusCode(400)
                .body("errors.field", hasItem("arguments.date")).body("errors.field", hasItem("arguments.propertyId"));
        assertTrue(tool.findAll(anyRequestedFor(urlEqualTo("/check"))).isEmpty(), "invalid arguments never reach the tool");
    }

    @Test
    void aSlowToolIsReportedAsATimeoutInA200Result() {
        tool.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(3_000)));
        String id = function("slow", "/slow", 1, "");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"arguments\":{\"date\":\"d\",\"propertyId\":\"p\"}}").post(base + "/" + id + "/test").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(false)).body("error", org.hamcrest.Matchers.equalTo("timeout"))
                .body("status", nullValue());
    }

    @Test
    void aRefusedConnectionIsReportedInA200Result() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String id = given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body(json("refused", "http://127.0.0.1:" + closed + "/x", 5, "")).post(base).then().statusCode(201).extract().path("id");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"arguments\":{\"date\":\"d\",\"propertyId\":\"p\"}}").post(base + "/" + id + "/test").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(false)).body("error", org.hamcrest.Matchers.equalTo("connection_refused"));
    }

    @Test
    void anOversizedAnswerIsCutAndReportedInA200Result() {
        tool.stubFor(post("/big").willReturn(aResponse().withStatus(200).withBody("x".repeat(200_000))));
        String id = function("big", "/big", 5, "");
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"arguments\":{\"date\":\"d\",\"propertyId\":\"p\"}}").post(base + "/" + id + "/test").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(false)).body("error", org.hamcrest.Matchers.equalTo("oversized"))
                .body("truncated", org.hamcrest.Matchers.equalTo(true)).body("status", org.hamcrest.Matchers.equalTo(200))
                .body("body.length()", org.hamcrest.Matchers.equalTo(4096));
    }

    @Test
    void aRedirectIsReportedNotFollowedSoOnlyTheConfiguredEndpointIsCalled() {
        tool.stubFor(post("/moved").willReturn(aResponse().withStatus(302).withHeader("Location", tool.baseUrl() + "/elsewhere")));
        tool.stubFor(post("/elsewhere").willReturn(aResponse().withStatus(200).withBody("{\"confirmation\":\"never\"}")));
        String id = function("moved", "/moved", 5, BEARER);
        given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .body("{\"arguments\":{\"date\":\"d\",\"propertyId\":\"p\"}}").post(base + "/" + id + "/test").then().statusCode(200)
                .body("ok", org.hamcrest.Matchers.equalTo(false)).body("status", org.hamcrest.Matchers.equalTo(302))
                .body("error", org.hamcrest.Matchers.equalTo("http_error"));
        tool.verify(1, postRequestedFor(urlEqualTo("/moved")));
        assertTrue(tool.findAll(anyRequestedFor(urlEqualTo("/elsewhere"))).isEmpty(), "the redirect was followed (with the secret)");
    }

    @Test
    void aFunctionIsNotFoundThroughAnotherTenantOrAnotherAgentWhateverTheBodySays() {
        String id = function("lookup", "/lookup", 5, BEARER);
        String item = base + "/" + id;
        UUID stranger = UUID.randomUUID();
        String otherAgent = AgentApiTest.createAgent(tenant, Signed.connection(tenant,
                "{\"provider\":\"vapi\",\"name\":\"VAPI 2\",\"webhookSecret\":\"s\"}"), "asst_" + UUID.randomUUID());
        String viaOtherAgent = "/api/v1/agents/" + otherAgent + "/functions/" + id;
        for (var probe : java.util.List.of(java.util.Map.entry(stranger, item), java.util.Map.entry(tenant, viaOtherAgent))) {
            String path = probe.getValue();
            given().header("Authorization", TestTokens.bearer(probe.getKey())).get(path).then().statusCode(404);
            given().header("Authorization", TestTokens.bearer(probe.getKey())).contentType(ContentType.JSON).body("{}").put(path)
                    .then().statusCode(404);
            given().header("Authorization", TestTokens.bearer(probe.getKey())).contentType(ContentType.JSON).body("{}")
                    .post(path + "/test").then().statusCode(404);
            given().header("Authorization", TestTokens.bearer(probe.getKey())).delete(path).then().statusCode(404);
        }
        given().header("Authorization", TestTokens.bearer(stranger)).get(base).then().statusCode(404);
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/agents/" + otherAgent + "/functions").then()
                .statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(0));
        given().header("Authorization", TestTokens.bearer(tenant)).get(item).then().statusCode(200).body("name",
                org.hamcrest.Matchers.equalTo("lookup"));
        assertTrue(tool.findAll(anyRequestedFor(urlEqualTo("/lookup"))).isEmpty(), "a refused test invoke reached the tool");
    }
}
