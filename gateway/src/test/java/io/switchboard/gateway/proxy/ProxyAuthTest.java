package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.InternalTokens;
import io.switchboard.testsupport.TestTokens;

@QuarkusTest
class ProxyAuthTest {

    @Test
    void apiCallWithoutCredentialsIs401ProblemAndNeverReachesTheService() {
        WireMock calls = upstream("calls");

        given().header("X-Request-Id", "noauth-1").get("/api/v1/calls/noauth")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .header("X-Request-Id", "noauth-1")
                .body("type", equalTo("https://switchboard.io/problems/unauthorized"))
                .body("requestId", equalTo("noauth-1"));
        assertEquals(0, calls.find(getRequestedFor(urlEqualTo("/api/v1/calls/noauth"))).size());
    }

    @Test
    void aBareTenantHeaderGetsNobodyIn() {
        given().header("X-Tenant-Id", Accounts.shared().tenantId().toString()).get("/api/v1/contacts/bare")
                .then().statusCode(401);
    }

    @Test
    void invalidOrForeignTokensAre401() {
        given().header("Authorization", "Bearer garbage").get("/api/v1/calls/x").then().statusCode(401);
        // a services-audience token must never be accepted from a client
        given().header("Authorization", "Bearer " + TestTokens.internal(Accounts.shared().tenantId()))
                .get("/api/v1/calls/x").then().statusCode(401);
        given().header("Authorization", "Basic dXNlcjpwYXNz").get("/api/v1/calls/x").then().statusCode(401);
    }

    @Test
    void accessTokenOfAnUnknownUserIs401EvenIfWellSigned() {
        given().header("Authorization", "Bearer " + TestTokens.access(UUID.randomUUID(), UUID.randomUUID(), "admin"))
                .get("/api/v1/calls/x").then().statusCode(401);
    }

    @Test
    void serviceReceivesAnInternalTokenForTheCallersTenantAndNoneOfTheClientsIdentityHeaders() throws Exception {
        Account admin = Accounts.signup();
        WireMock contacts = upstream("contacts");
        contacts.register(post(urlEqualTo("/api/v1/contacts/auth-1")).willReturn(aResponse().withStatus(201)));

        given().header("Authorization", admin.bearer())
                .header("X-Tenant-Id", UUID.randomUUID().toString())
                .contentType("application/json").body("{}")
                .post("/api/v1/contacts/auth-1")
                .then().statusCode(201);

        List<LoggedRequest> seen = contacts.find(postRequestedFor(urlEqualTo("/api/v1/contacts/auth-1")));
        assertEquals(1, seen.size());
        LoggedRequest upstreamRequest = seen.get(0);
        assertNull(upstreamRequest.getHeader("X-Tenant-Id"), "the client's tenant header is dropped");
        JwtClaims claims = InternalTokens.verify(upstreamRequest.getHeader("Authorization"));
        assertEquals(admin.userId().toString(), claims.getClaimValueAsString("sub"));
        assertEquals(admin.tenantId().toString(), claims.getClaimValueAsString("tid"));
        assertEquals(List.of("admin"), claims.getStringListClaimValue("groups"));
        assertTrue(claims.getClaimValueAsString("scope").contains("contacts:write"));
        long lifetime = claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue();
        assertTrue(lifetime <= 60, "internal tokens live at most 60 s, was " + lifetime);
    }

    @Test
    void webhooksNeedNoCredentialsButLoseClientIdentityHeaders() {
        WireMock calls = upstream("calls");
        calls.register(post(urlEqualTo("/webhooks/vapi/conn-9/events")).willReturn(aResponse().withStatus(204)));

        given().header("X-Tenant-Id", UUID.randomUUID().toString()).contentType("application/json").body("{}")
                .post("/webhooks/vapi/conn-9/events")
                .then().statusCode(204);

        LoggedRequest seen = calls.find(postRequestedFor(urlEqualTo("/webhooks/vapi/conn-9/events"))).get(0);
        assertNull(seen.getHeader("X-Tenant-Id"));
    }

    @Test
    void readOnlyRoutesNeedTheReadScopeAndWritesTheWriteScope() {
        Account admin = Accounts.signup();
        upstream("contacts").register(get(urlEqualTo("/api/v1/analytics/summary")).willReturn(aResponse().withStatus(200)));

        given().header("Authorization", admin.bearer()).get("/api/v1/analytics/summary").then().statusCode(200);
        // nobody holds analytics:write: analytics is read-only through the public API
        given().header("Authorization", admin.bearer()).contentType("application/json").body("{}")
                .post("/api/v1/analytics/summary")
                .then().statusCode(403)
                .body("type", equalTo("https://switchboard.io/problems/insufficient-scope"));
    }
}
