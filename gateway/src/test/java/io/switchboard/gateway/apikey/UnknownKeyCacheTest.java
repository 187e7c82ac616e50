package io.switchboard.gateway.apikey;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;
import io.switchboard.gateway.Accounts.Account;
import io.switchboard.gateway.Db;
import io.switchboard.gateway.security.Secrets;

/**
 * Unknown API keys are remembered briefly (switchboard.auth.unknown-key-cache-ttl): a flood of garbage keys costs
 * no database look-up per request. The proof is a key row that appears behind the gateway's back (no eviction):
 * it stays refused, because nobody asked the database again. Creating a key through the API evicts.
 */
@QuarkusTest
class UnknownKeyCacheTest {

    @Test
    void anUnknownKeyIsRememberedAsUnknownWithoutAskingTheDatabaseAgain() {
        Account admin = Accounts.signup();
        String key = newKeyString();
        given().header("X-Api-Key", key).get("/api/v1/contacts/neg-1").then().statusCode(401);

        insertKeyRow(admin, key); // as if another replica created it: this replica's cache is not told

        given().header("X-Api-Key", key).get("/api/v1/contacts/neg-1").then().statusCode(401);
    }

    @Test
    void creatingAKeyThroughTheApiEvictsTheUnknownEntries() {
        Account admin = Accounts.signup();
        upstream("contacts").register(get(urlEqualTo("/api/v1/contacts/neg-2")).willReturn(aResponse().withStatus(200)));
        String key = newKeyString();
        given().header("X-Api-Key", key).get("/api/v1/contacts/neg-2").then().statusCode(401);
        insertKeyRow(admin, key);

        Accounts.apiKey(admin, List.of("contacts:read")); // any key created on this replica clears the cache

        given().header("X-Api-Key", key).get("/api/v1/contacts/neg-2").then().statusCode(200);
    }

    private static String newKeyString() {
        return "sb_" + Secrets.lowerToken(8) + "_" + Secrets.token(43);
    }

    private static void insertKeyRow(Account admin, String key) {
        String prefix = key.substring(3, 11);
        Db.update("INSERT INTO api_keys (id, tenant_id, name, prefix, key_hash, scopes) VALUES (?, ?, 'behind the back', ?, ?, "
                + "'{contacts:read}')", UUID.randomUUID(), admin.tenantId(), prefix, Secrets.sha256(key));
    }
}
