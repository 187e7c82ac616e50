package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;


import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.switchboard.system.RunningPlatform.SignedUp;

/**
 * Two tenants, every public endpoint of every service (discovered from the gateway's merged OpenAPI
 * document): tenant B tries tenant A's ids everywhere and reads every list, and nothing of A's leaks.
 *
 * A new endpoint is swept automatically when its path sits under a collection in {@link #FIXTURES}.
 * One that does not makes {@link #everyPublicEndpointIsClassified} fail until it is added to
 * FIXTURES (tenant data) or {@link #NOT_TENANT_DATA} (with the reason).
 */
class TenantIsolationSweepTest {

    private static final Pattern PATH_PARAM = Pattern.compile("\\{[^}]+}");

    /** Collections holding tenant data, and how tenant A creates one item (returns the created id). */
    private static final Map<String, Function<SignedUp, String>> FIXTURES = new LinkedHashMap<>();

    /** Public paths that hold no tenant data of their own, and why. */
    private static final Map<String, String> NOT_TENANT_DATA = Map.ofEntries(
            Map.entry("/api/v1/auth/signup", "creates a new tenant"),
            Map.entry("/api/v1/auth/login", "credentials in, tokens out"),
            Map.entry("/api/v1/auth/refresh", "token in, token out"),
            Map.entry("/api/v1/auth/logout", "revokes the caller's own session"),
            Map.entry("/api/v1/auth/password-reset", "always 202, reveals nothing"),
            Map.entry("/api/v1/auth/password-reset/confirm", "single-use token in"),
            Map.entry("/api/v1/auth/verify-email", "single-use token in"),
            Map.entry("/api/v1/users/me", "the caller itself"),
            Map.entry("/api/v1/credits", "the caller's own balance (checked below)"),
            Map.entry("/api/v1/openapi.json", "API description"),
            Map.entry("/api/v1/dnc/check", "a yes/no for a number the caller names (400 without one); that another "
                    + "tenant's opt-outs and lists never apply is DncCheckTest's"),
            Map.entry("/.well-known/jwks.json", "public key"));

    private static RunningPlatform platform;
    private static SignedUp a;
    private static SignedUp b;
    private static final Map<String, String> idsOfA = new LinkedHashMap<>();

    static {
        FIXTURES.put("/api/v1/calls", t -> create(t, "/api/v1/calls", "{\"toNumber\":\"+14155550123\"}"));
        FIXTURES.put("/api/v1/provider-connections", t -> create(t, "/api/v1/provider-connections",
                "{\"provider\":\"vapi\",\"name\":\"sweep\",\"webhookSecret\":\"sweep-secret\"}"));
        FIXTURES.put("/api/v1/webhook-deliveries", t -> webhookDeliveryOf(t));
        FIXTURES.put("/api/v1/contacts", t -> create(t, "/api/v1/contacts",
                "{\"phone\":\"+1415555" + String.format("%04d", (int) (Math.random() * 10000)) + "\",\"firstName\":\"Ada\"}"));
        FIXTURES.put("/api/v1/opt-outs", t -> create(t, "/api/v1/opt-outs",
                "{\"phone\":\"+1415555" + String.format("%04d", (int) (Math.random() * 10000)) + "\",\"channel\":\"voice\"}"));
        FIXTURES.put("/api/v1/dnc/lists", t -> create(t, "/api/v1/dnc/lists", "{\"name\":\"dnc-" + UUID.randomUUID() + "\"}"));
        // per-tenant settings, no id: tenant A saves some, tenant B's read must show none of A's (list probe below)
        FIXTURES.put("/api/v1/contact-settings", t -> {
            given().baseUri(platform.url()).header("Authorization", t.bearer()).contentType(ContentType.JSON)
                    .body("{\"defaultRegion\":\"GB\",\"defaultTimeZone\":\"Europe/London\",\"autoCreateContacts\":false}")
                    .put("/api/v1/contact-settings").then().statusCode(200);
            return null;
        });
        FIXTURES.put("/api/v1/campaigns", t -> create(t, "/api/v1/campaigns", "{\"name\":\"c-" + UUID.randomUUID() + "\"}"));
        // ---- agents, functions, templates, SMS (issue 10, calls-service); call notes live under /api/v1/calls ----
        FIXTURES.put("/api/v1/agents", t -> {
            String connection = create(t, "/api/v1/provider-connections",
                    "{\"provider\":\"vapi\",\"name\":\"sweep-agents\",\"webhookSecret\":\"sweep-secret\"}");
            String agent = create(t, "/api/v1/agents", "{\"name\":\"Ava\",\"connectionId\":\"" + connection
                    + "\",\"providerAgentId\":\"asst_sweep\"}");
            create(t, "/api/v1/agents/" + agent + "/functions", "{\"name\":\"lookup\",\"description\":\"d\","
                    + "\"endpoint\":\"https://tools.example.com/lookup\",\"authType\":\"bearer\",\"authConfig\":{\"token\":\"t0k3n\"}}");
            String call = create(t, "/api/v1/calls", "{\"toNumber\":\"+14155550124\"}");
            create(t, "/api/v1/calls/" + call + "/notes", "{\"text\":\"sweep note\"}");
            return agent;
        });
        FIXTURES.put("/api/v1/message-templates", t -> create(t, "/api/v1/message-templates",
                "{\"name\":\"t-" + UUID.randomUUID() + "\",\"body\":\"Hi {caller_name}\"}"));
        // per-tenant settings, no id: tenant B's read must show none of A's ids (list probe)
        FIXTURES.put("/api/v1/sms-settings", t -> {
            given().baseUri(platform.url()).header("Authorization", t.bearer()).contentType(ContentType.JSON)
                    .body("{\"smsEnabled\":false,\"fromNumber\":\"+14155550100\"}").put("/api/v1/sms-settings").then().statusCode(200);
            return null;
        });
        // written only by the post-call SMS (no POST): B's list must stay empty, B's reads of any id are 404
        FIXTURES.put("/api/v1/sms-messages", t -> null);
        // ---- end issue 10 (agents) ----

        FIXTURES.put("/api/v1/users", t -> create(t, "/api/v1/users", "{\"email\":\"u-" + UUID.randomUUID()
                + "@example.test\",\"name\":\"U\",\"password\":\"correct horse battery staple\",\"role\":\"user\"}"));
        FIXTURES.put("/api/v1/api-keys", t -> create(t, "/api/v1/api-keys", "{\"name\":\"k\",\"scopes\":[\"calls:read\"]}"));
        FIXTURES.put("/api/v1/sessions", t -> sessionOf(t));
        FIXTURES.put("/api/v1/credits/transactions", t -> null);
        FIXTURES.put("/api/v1/analytics/tenant", t -> null);
        FIXTURES.put("/api/v1/admin", t -> t.tenantId().toString());
        FIXTURES.put("/api/v1/imports", t -> given().baseUri(platform.url()).header("Authorization", t.bearer())
                .contentType("text/csv").body("phone,first_name\n+14155550123,Ada\n").post("/api/v1/imports")
                .then().statusCode(202).extract().path("id").toString());
        // contacts records (issue 8); their paths under /api/v1/contacts/{contactId}/… are swept with A's contact id
        FIXTURES.put("/api/v1/customers", t -> create(t, "/api/v1/contacts/" + contactOf(t) + "/customer", "{\"company\":\"Acme\"}"));
        FIXTURES.put("/api/v1/follow-ups", t -> create(t, "/api/v1/contacts/" + contactOf(t) + "/follow-ups",
                "{\"dueAt\":\"2026-11-25T14:00:00Z\",\"remark\":\"call back\"}"));
        FIXTURES.put("/api/v1/meetings", t -> create(t, "/api/v1/contacts/" + contactOf(t) + "/meetings",
                "{\"startsAt\":\"2026-11-26T15:00:00Z\",\"title\":\"Demo\"}"));
        // ---- inbound routing (issue 10): phone numbers; /{id}/routing is swept under the number's id ----
        FIXTURES.put("/api/v1/phone-numbers", t -> create(t, "/api/v1/phone-numbers",
                "{\"phoneNumber\":\"+1415555" + String.format("%04d", (int) (Math.random() * 10000)) + "\"}"));
        // ---- end inbound routing ----
        // ---- campaigns (issue 11): audiences, progress and lifecycle are under /api/v1/campaigns/{id}/… (swept with A's
        // campaign id); a direct call's id is its queue row's id
        FIXTURES.put("/api/v1/direct-calls", t -> create(t, "/api/v1/direct-calls",
                "{\"agentId\":\"" + UUID.randomUUID() + "\",\"phone\":\"+14155550123\"}"));
        FIXTURES.put("/api/v1/call-queue", t -> create(t, "/api/v1/direct-calls",
                "{\"agentId\":\"" + UUID.randomUUID() + "\",\"phone\":\"+14155550124\"}"));
        // ---- dispatcher (issue 11) ----
        // tenant-scoped reads without ids of their own: tenant B's reads (list probe) must show none of A's
        FIXTURES.put("/api/v1/dial-decisions", t -> null);
        FIXTURES.put("/api/v1/operations", t -> null);
        // per-tenant settings, no id: tenant A saves some, tenant B's read must show none of A's
        FIXTURES.put("/api/v1/compliance-rules", t -> {
            given().baseUri(platform.url()).header("Authorization", t.bearer()).contentType(ContentType.JSON)
                    .body("{\"preset\":\"us_reg_f\"}").put("/api/v1/compliance-rules").then().statusCode(200);
            return null;
        });
        FIXTURES.put("/api/v1/dialer-settings", t -> {
            given().baseUri(platform.url()).header("Authorization", t.bearer()).contentType(ContentType.JSON)
                    .body("{\"maxConcurrentCalls\":7}").put("/api/v1/dialer-settings").then().statusCode(200);
            return null;
        });
        // GET /api/v1/call-queue/{id}/decisions is swept under the campaigns part's queue-item fixture (a direct call)
        // ---- end dispatcher ----
    }

    @BeforeAll
    static void twoTenantsWithData() {
        platform = RunningPlatform.get();
        a = platform.signUp();
        b = platform.signUp();
        FIXTURES.forEach((collection, create) -> {
            String id = create.apply(a);
            if (id != null) {
                idsOfA.put(collection, id);
            }
        });
    }

    @Test
    void everyPublicEndpointIsClassified() {
        List<String> unclassified = new ArrayList<>();
        for (PublicApi.Operation op : operations()) {
            if (!NOT_TENANT_DATA.containsKey(op.path()) && collectionOf(op.path()) == null) {
                unclassified.add(op.method() + " " + op.path());
            }
        }
        assertTrue(unclassified.isEmpty(), "classify these endpoints in TenantIsolationSweepTest (FIXTURES or NOT_TENANT_DATA): "
                + unclassified);
    }

    @Test
    void tenantBGetsNotFoundForEveryIdOfTenantA() {
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        for (PublicApi.Operation op : operations()) {
            if (!PATH_PARAM.matcher(op.path()).find()) {
                continue;
            }
            String collection = collectionOf(op.path());
            if (collection == null || !idsOfA.containsKey(collection)) {
                continue;
            }
            String url = PATH_PARAM.matcher(op.path()).replaceAll(Matcher.quoteReplacement(idsOfA.get(collection)));
            Response response = given().baseUri(platform.url()).header("Authorization", b.bearer())
                    .contentType(ContentType.JSON).body("{}").request(op.method(), url);
            probes++;
            System.out.printf("  %s %s -> %d%n", op.method(), op.path(), response.statusCode());
            Set<Integer> acceptable = collection.equals("/api/v1/admin") ? Set.of(403, 404) : Set.of(404);
            if (!acceptable.contains(response.statusCode())) {
                leaks.add(op.method() + " " + url + " -> " + response.statusCode());
            }
            if (response.asString().contains(idsOfA.get(collection)) && response.statusCode() < 400) {
                leaks.add(op.method() + " " + url + " returned tenant A's id");
            }
        }
        System.out.printf("isolation sweep: %d cross-tenant item probes%n", probes);
        assertTrue(probes >= 5, "the sweep probed only " + probes + " item endpoints: is the OpenAPI merge working?");
        assertTrue(leaks.isEmpty(), "cross-tenant access: " + leaks);
        // tenant A still sees its own data after B's attempts (B's deletes did nothing)
        for (Map.Entry<String, String> created : idsOfA.entrySet()) {
            if (created.getKey().startsWith("/api/v1/calls") || created.getKey().startsWith("/api/v1/contacts")
                    || created.getKey().startsWith("/api/v1/campaigns") || created.getKey().startsWith("/api/v1/opt-outs")
                    || created.getKey().startsWith("/api/v1/dnc/lists") || created.getKey().startsWith("/api/v1/customers")
                    || created.getKey().startsWith("/api/v1/follow-ups") || created.getKey().startsWith("/api/v1/meetings")
                    || created.getKey().startsWith("/api/v1/direct-calls") || created.getKey().startsWith("/api/v1/call-queue")) {
                given().baseUri(platform.url()).header("Authorization", a.bearer())
                        .get(created.getKey() + "/" + created.getValue()).then().statusCode(200);
            }
        }
    }

    @Test
    void noListOrReadOfTenantBContainsAnyIdOfTenantA() {
        List<String> leaks = new ArrayList<>();
        int probes = 0;
        for (PublicApi.Operation op : operations()) {
            if (!op.method().equals("GET") || PATH_PARAM.matcher(op.path()).find()) {
                continue;
            }
            Response response = given().baseUri(platform.url()).header("Authorization", b.bearer()).get(op.path());
            probes++;
            String body = response.asString();
            String collection = collectionOf(op.path());
            if (collection != null && !collection.equals("/api/v1/admin") && response.statusCode() != 200) {
                // a list that refuses tenant B proves nothing about isolation
                leaks.add("GET " + op.path() + " answered " + response.statusCode() + ", not a list");
            }
            for (String id : idsOfA.values()) {
                if (body.contains(id)) {
                    leaks.add("GET " + op.path() + " shows " + id);
                }
            }
            if (body.contains(a.tenantId().toString()) || body.contains(a.email())) {
                leaks.add("GET " + op.path() + " shows tenant A itself");
            }
        }
        System.out.printf("isolation sweep: %d list/read endpoints read as the other tenant%n", probes);
        assertTrue(probes >= 5, "the sweep read only " + probes + " list endpoints");
        assertTrue(leaks.isEmpty(), "cross-tenant data in lists: " + leaks);
    }

    @Test
    void tenantAsOwnDataIsVisibleToTenantA() {
        // the sweep above would pass vacuously if nothing was ever created; prove A can see its data
        assertFalse(idsOfA.isEmpty());
        String body = given().baseUri(platform.url()).header("Authorization", a.bearer()).get("/api/v1/calls").asString();
        assertTrue(body.contains(idsOfA.get("/api/v1/calls")));
    }

    @Test
    void tenantBReadsItsOwnContactSettingsNeverTenantAs() {
        // settings have no id to probe: A saved non-default ones in the fixture, B must still read the defaults
        given().baseUri(platform.url()).header("Authorization", a.bearer()).get("/api/v1/contact-settings")
                .then().statusCode(200).body("defaultRegion", org.hamcrest.Matchers.equalTo("GB"))
                .body("autoCreateContacts", org.hamcrest.Matchers.equalTo(false));
        given().baseUri(platform.url()).header("Authorization", b.bearer()).get("/api/v1/contact-settings")
                .then().statusCode(200).body("defaultRegion", org.hamcrest.Matchers.nullValue())
                .body("defaultTimeZone", org.hamcrest.Matchers.nullValue())
                .body("autoCreateContacts", org.hamcrest.Matchers.equalTo(true));
    }

    /** Read once: the merged document cannot change while the platform runs. */
    private static List<PublicApi.Operation> operations() {
        if (operations == null) {
            operations = PublicApi.of(platform.url()).operations;
        }
        return operations;
    }

    private static List<PublicApi.Operation> operations;

    /** The longest FIXTURES collection the path lies under, or null. */
    private static String collectionOf(String path) {
        String best = null;
        for (String collection : FIXTURES.keySet()) {
            if ((path.equals(collection) || path.startsWith(collection + "/")) && (best == null || collection.length() > best.length())) {
                best = collection;
            }
        }
        return best;
    }

    private static String create(SignedUp tenant, String path, String body) {
        return given().baseUri(platform.url()).header("Authorization", tenant.bearer()).contentType(ContentType.JSON)
                .body(body).post(path).then().statusCode(201).extract().path("id").toString();
    }

    /** A new contact of the tenant, for fixtures nested under one (a random number; another try if it is taken). */
    private static String contactOf(SignedUp tenant) {
        for (int attempt = 0;; attempt++) {
            Response response = given().baseUri(platform.url()).header("Authorization", tenant.bearer()).contentType(ContentType.JSON)
                    .body("{\"phone\":\"+1415555" + String.format("%04d", (int) (Math.random() * 10000)) + "\"}")
                    .post("/api/v1/contacts");
            if (response.statusCode() != 409 || attempt == 5) {
                return response.then().statusCode(201).extract().path("id").toString();
            }
        }
    }

    /** A delivery to tenant A's own connection (through the gateway, as VAPI would post it), read back from the log. */
    private static String webhookDeliveryOf(SignedUp tenant) {
        String connection = create(tenant, "/api/v1/provider-connections",
                "{\"provider\":\"vapi\",\"name\":\"sweep-log\",\"webhookSecret\":\"sweep-secret\"}");
        // a wrong secret: refused (401) but logged for the tenant, whatever the call model makes of a body
        given().baseUri(platform.url()).header("X-Vapi-Secret", "not-the-secret").contentType(ContentType.JSON).body("{}")
                .post("/webhooks/vapi/" + connection).then().statusCode(401);
        return given().baseUri(platform.url()).header("Authorization", tenant.bearer()).queryParam("connectionId", connection)
                .get("/api/v1/webhook-deliveries").then().statusCode(200).extract().path("items[0].id").toString();
    }

    private static String sessionOf(SignedUp tenant) {
        return given().baseUri(platform.url()).header("Authorization", tenant.bearer()).get("/api/v1/sessions")
                .then().statusCode(200).extract().path("items[0].id").toString();
    }
}
