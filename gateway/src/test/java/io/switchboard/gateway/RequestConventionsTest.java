package io.switchboard.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.switchboard.gateway.Accounts.Account;

/** The gateway's own endpoints follow the platform conventions (docs/api-conventions.md): paging, parameters, text, zones. */
@QuarkusTest
class RequestConventionsTest {

    @Test
    void usersAndApiKeysAreWalkedNewestFirstOncePerItemByCursor() {
        Account admin = Accounts.signup();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            keys.add(0, Accounts.apiKey(admin, List.of("calls:read")).getString("id"));
        }
        Accounts.member(admin, "user");
        Accounts.member(admin, "admin");

        assertEquals(keys, walk(admin.bearer(), "/api/v1/api-keys", 2));
        List<String> users = walk(admin.bearer(), "/api/v1/users", 1);
        assertEquals(3, users.size());
        assertEquals(3, new HashSet<>(users).size());
        assertEquals(admin.userId().toString(), users.get(2)); // the first user is the oldest
    }

    @Test
    void theAuditLogAndTenantListPageByCursor() {
        Account root = Accounts.superAdmin();
        Accounts.signup();
        Accounts.signup();
        List<String> tenants = walk(root.bearer(), "/api/v1/admin/tenants", 1, 3);
        assertEquals(3, new HashSet<>(tenants).size());
        // each tenant.list above was audited: the newest entries walk back in order without repeats
        List<String> entries = walk(root.bearer(), "/api/v1/admin/audit-log?action=tenant.list", 1, 3);
        assertEquals(3, new HashSet<>(entries).size());
    }

    @Test
    void badPagingParametersAndIdsAreBadRequestsNamingTheParameter() {
        Account admin = Accounts.signup();
        Account root = Accounts.superAdmin();
        Map<String, String> cases = Map.of(
                "/api/v1/users?limit=abc", "limit",
                "/api/v1/api-keys?limit=0", "limit",
                "/api/v1/sessions?limit=99999999999", "limit",
                "/api/v1/credits/transactions?cursor=not-ours", "cursor",
                "/api/v1/users/not-a-uuid/activate", "id");
        cases.forEach((url, parameter) -> {
            var request = given().header("Authorization", admin.bearer());
            (url.endsWith("/activate") ? request.post(url) : request.get(url))
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of(parameter)));
        });
        given().header("Authorization", root.bearer()).get("/api/v1/admin/tenants/12345")
                .then().statusCode(400).body("errors.field", equalTo(List.of("id")));
        given().header("Authorization", root.bearer()).get("/api/v1/admin/tenants?limit=201")
                .then().statusCode(400).body("errors.field", equalTo(List.of("limit")));
    }

    @Test
    void aNulCharacterInARequestBodyIsABadRequestNamingTheField() {
        given().contentType("application/json")
                .body("""
                        {"organization":{"name":"Acme\\u0000","slug":"acme-nul","timeZone":"Europe/London"},
                         "admin":{"email":"nul@example.test","password":"correct horse battery","name":"N"}}""")
                .post("/api/v1/auth/signup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("organization.name")))
                .body("errors[0].message", containsString("control characters"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "EST", "GMT+1", "Z", "+02:00", "SystemV/EST5", "Etc/GMT-3", "US/Eastern", "Europe/Nowhere" })
    void aSignUpTimeZoneThatIsNotAnIanaRegionIsABadRequest(String zone) {
        String id = java.util.UUID.randomUUID().toString().substring(0, 8);
        given().contentType("application/json")
                .body(Map.of("organization", Map.of("name", "Zone " + id, "slug", "zone-" + id, "timeZone", zone),
                        "admin", Map.of("email", "zone-" + id + "@example.test", "password", Accounts.PASSWORD, "name", "Z")))
                .post("/api/v1/auth/signup")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("organization.timeZone")));
    }

    private static List<String> walk(String bearer, String url, int limit) {
        return walk(bearer, url, limit, Integer.MAX_VALUE);
    }

    /** Follows nextCursor until the last page or {@code maxItems}; the result is every id seen, in order. */
    private static List<String> walk(String bearer, String url, int limit, int maxItems) {
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", bearer).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(url).then().statusCode(200).body("items", notNullValue()).extract().jsonPath();
            List<String> items = page.getList("items.id");
            assertEquals(true, items.size() <= limit);
            ids.addAll(items);
            cursor = page.getString("nextCursor");
        } while (cursor != null && ids.size() < maxItems);
        if (ids.size() < maxItems) {
            assertNull(cursor);
        }
        return ids.size() > maxItems ? ids.subList(0, maxItems) : ids;
    }
}
