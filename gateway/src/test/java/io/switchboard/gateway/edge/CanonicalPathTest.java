package io.switchboard.gateway.edge;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.RawHttp;

/**
 * Routing and authentication read one path: a raw path that a normalizer would read differently never reaches a
 * service, with or without credentials. Sent over a raw socket, since HTTP clients normalize such paths first.
 */
@QuarkusTest
class CanonicalPathTest {

    @ParameterizedTest
    @ValueSource(strings = { "//api/v1/calls/%s", "/webhooks/../api/v1/calls/%s", "/%%61pi/v1/calls/%s",
            "/api/v1/calls/x/..%%2F%s", "/api//v1/calls/%s",
            "/webhooks/..;/api/v1/calls/%s", "/api/v1/./calls/%s", "/api/v1/c%%61lls/%s" })
    void aPathThatIsNotCanonicalIsRefusedWith400AndNeverReachesAService(String template) {
        String marker = "sneak-" + UUID.randomUUID();
        upstream("calls").register(get(urlMatching(".*" + marker + ".*")).willReturn(aResponse().withStatus(200)));

        RawHttp.Response response = RawHttp.send("GET", String.format(template, marker), "X-Request-Id: " + marker);

        assertEquals(400, response.status(), response.body());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"), response.header("Content-Type"));
        JsonPath problem = JsonPath.from(response.body());
        assertEquals("https://switchboard.io/problems/bad-path", problem.getString("type"));
        assertEquals(marker, problem.getString("requestId"));
        assertEquals(0, upstream("calls").find(anyRequestedFor(urlMatching(".*" + marker + ".*"))).size());
    }

    @Test
    void aBackslashPathIsRefusedBeforeAnyRouteSeesItAndNeverReachesAService() {
        String marker = "backslash-" + UUID.randomUUID();
        upstream("calls").register(get(urlMatching(".*" + marker + ".*")).willReturn(aResponse().withStatus(200)));

        // Vert.x's request-line parser already answers this one with a plain 400; EdgeGuard would refuse it too
        RawHttp.Response response = RawHttp.send("GET", "/webhooks\\..\\api/v1/calls/" + marker);

        assertEquals(400, response.status(), response.body());
        assertEquals(0, upstream("calls").find(anyRequestedFor(urlMatching(".*" + marker + ".*"))).size());
    }

    @Test
    void aPathThatIsNotCanonicalIsRefusedEvenWithValidCredentialsAndOnTheGatewaysOwnEndpoints() {
        RawHttp.Response response = RawHttp.send("GET", "//api/v1/credits", "Authorization: " + Accounts.shared().bearer());
        assertEquals(400, response.status(), response.body());
    }

    @Test
    void theCanonicalFormOfTheSamePathsStillRoutesAndAuthenticates() {
        String marker = "plain-" + UUID.randomUUID();
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/" + marker)).willReturn(aResponse().withStatus(200)));
        upstream("calls").register(get(urlEqualTo("/webhooks/vapi/" + marker)).willReturn(aResponse().withStatus(200)));

        assertEquals(401, RawHttp.send("GET", "/api/v1/calls/" + marker).status());
        assertEquals(200, RawHttp.send("GET", "/api/v1/calls/" + marker, "Authorization: " + Accounts.shared().bearer())
                .status());
        assertEquals(200, RawHttp.send("GET", "/webhooks/vapi/" + marker).status());
    }
}
