package io.switchboard.gateway.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.jose4j.jwt.JwtClaims;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;
import io.switchboard.gateway.InternalTokens;
import io.switchboard.gateway.security.Secrets;

@QuarkusTest
class ApiKeyTest {

    @Test
    void keyIsShownOnceAndOnlyItsHashIsStored() {
        Account admin = Accounts.signup();
        JsonPath created = Accounts.apiKey(admin, List.of("calls:read"));
        String key = created.getString("key");
        String prefix = created.getString("prefix");

        org.hamcrest.MatcherAssert.assertThat(key, matchesPattern("sb_" + prefix + "_[A-Za-z0-9]{43}"));
        given().header("Authorization", admin.bearer()).get("/api/v1/api-keys")
                .then().statusCode(200)
                .body("items[0].prefix", equalTo(prefix))
                .body("items[0].key", nullValue())
                .body("items[0].scopes", equalTo(List.of("calls:read")));
        assertEquals(Secrets.sha256(key), Db.value("SELECT key_hash FROM api_keys WHERE id = ?::uuid", created.getString("id")));
        assertEquals(0, Db.count("SELECT count(*) FROM api_keys WHERE key_hash = ? OR name = ?", key, key));
    }

    @Test
    void keyWorksAsXApiKeyOrBearerAndTheServiceSeesAnInternalTokenForTheKeysTenant() {
        Account admin = Accounts.signup();
        JsonPath created = Accounts.apiKey(admin, List.of("calls:read", "contacts:read"));
        String key = created.getString("key");
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo("/api/v1/calls/by-key")).willReturn(aResponse().withStatus(200)));

        given().header("X-Api-Key", key).get("/api/v1/calls/by-key").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).get("/api/v1/calls/by-key").then().statusCode(200);

        List<LoggedRequest> seen = calls.find(getRequestedFor(urlEqualTo("/api/v1/calls/by-key")));
        assertEquals(2, seen.size());
        for (LoggedRequest request : seen) {
            JwtClaims claims = InternalTokens.verify(request.getHeader("Authorization"));
            assertEquals("apikey:" + created.getString("id"), claims.getClaimValueAsString("sub"));
            assertEquals(admin.tenantId().toString(), claims.getClaimValueAsString("tid"));
            assertEquals("calls:read contacts:read", claims.getClaimValueAsString("scope"));
            assertNull(request.getHeader("X-Api-Key"), "the key itself never reaches a service");
        }
        assertEquals(1, Db.count("SELECT count(*) FROM api_keys WHERE id = ?::uuid AND last_used_at IS NOT NULL",
                created.getString("id")));
    }

    @Test
    void keyWithoutTheRoutesScopeIs403() {
        Account admin = Accounts.signup();
        String key = Accounts.apiKey(admin, List.of("calls:read")).getString("key");
        WireMock calls = upstream("calls");

        given().header("X-Api-Key", key).contentType("application/json").body("{}").post("/api/v1/calls/scoped")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("calls:write"));
        given().header("X-Api-Key", key).get("/api/v1/contacts/scoped")
                .then().statusCode(403);
        assertEquals(0, calls.find(postRequestedFor(urlEqualTo("/api/v1/calls/scoped"))).size());
    }

    @Test
    void revokedKeyIs401() {
        Account admin = Accounts.signup();
        JsonPath created = Accounts.apiKey(admin, List.of("calls:read"));
        upstream("calls").register(get(urlEqualTo("/api/v1/calls/revoked")).willReturn(aResponse().withStatus(200)));
        given().header("X-Api-Key", created.getString("key")).get("/api/v1/calls/revoked").then().statusCode(200);

        given().header("Authorization", admin.bearer()).delete("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(204);

        given().header("X-Api-Key", created.getString("key")).get("/api/v1/calls/revoked")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.containsString("invalid_token"));
        given().header("Authorization", admin.bearer()).get("/api/v1/api-keys")
                .then().body("items[0].revokedAt", not(nullValue()));
    }

    @Test
    void expiredKeyIs401() {
        Account admin = Accounts.signup();
        JsonPath created = Accounts.apiKey(admin, List.of("calls:read"));
        Db.update("UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = ?::uuid", created.getString("id"));

        given().header("X-Api-Key", created.getString("key")).get("/api/v1/calls/expired")
                .then().statusCode(401).body("detail", org.hamcrest.Matchers.containsString("expired"));
    }

    @Test
    void unknownOrMalformedKeysAre401() {
        given().header("X-Api-Key", "sb_abcdefgh_" + "x".repeat(43)).get("/api/v1/calls/x").then().statusCode(401);
        given().header("X-Api-Key", "definitely-not-a-key").get("/api/v1/calls/x").then().statusCode(401);
    }

    @Test
    void anotherOrganizationsKeyAnswers404() {
        Account owner = Accounts.signup();
        Account stranger = Accounts.signup();
        JsonPath created = Accounts.apiKey(owner, List.of("calls:read"));

        given().header("Authorization", stranger.bearer()).delete("/api/v1/api-keys/" + created.getString("id"))
                .then().statusCode(404);
    }

    @Test
    void unknownScopeIsRejectedNamingTheField() {
        Account admin = Accounts.signup();
        given().header("Authorization", admin.bearer()).contentType("application/json")
                .body(Map.of("name", "bad", "scopes", List.of("calls:read", "everything:write")))
                .post("/api/v1/api-keys")
                .then().statusCode(400)
                .body("errors.field", hasItem("scopes[1]"));
    }
}
