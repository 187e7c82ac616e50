package io.switchboard.system;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntSupplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.switchboard.system.RunningPlatform.SignedUp;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.ServiceProcess;

/**
 * Issue 12's end-to-end proof (and issue 11's "restart of every service mid-campaign"): the packaged platform and the
 * packaged provider simulator as processes. A campaign over {@value #CONTACTS} contacts in several time zones, some of
 * them on the tenant's DNC list and some in a zone whose calling window is closed now, dialed through VAPI as played by
 * the simulator (seeded, mixed outcomes including callbacks and do-not-call requests, duplicated, delayed and reordered
 * webhooks, a time factor of 0.01). While it runs, every service is killed with SIGKILL and restarted in turn, then
 * Kafka is stopped for 30 s and started again. Then every queue row must be in the state its calls' outcomes dictate
 * (compared with what the simulator says it played), and every call must appear exactly once in calls-service, the
 * contacts' counters and analytics.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CampaignEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CONTACTS = 200;
    private static final int MAX_RETRIES = 1;
    private static final long SEED = 1212;
    private static final LocalTime WINDOW_START = LocalTime.of(8, 0);
    private static final LocalTime WINDOW_END = LocalTime.of(21, 0);
    private static final List<String> ZONES = List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles",
            "America/Denver", "America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo",
            "America/Noronha", "Atlantic/Cape_Verde", "UTC", "Africa/Lagos", "Africa/Cairo", "Europe/Moscow", "Asia/Dubai",
            "Asia/Karachi", "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane",
            "Pacific/Noumea", "Pacific/Fiji", "Pacific/Tongatapu", "Pacific/Kiritimati");

    private static RunningPlatform platform;
    private static ServiceProcess simulator;

    @BeforeAll
    static void platform() {
        platform = RunningPlatform.get();
        simulator = platform.simulator();
    }

    /** The last campaign's tenant and the sum of its calls' durations in calls-service. */
    private record Finished(SignedUp tenant, long totalDurationSeconds) {
    }

    private static Finished lastRun;

    /** One audience row: its number, zone and what the test made of it. */
    private record Recipient(String phone, String zone, UUID contactId, boolean dnc, boolean closedWindow) {
    }

    @Test
    @Order(1)
    void aCampaignThroughTheSimulatorSurvivesKilledServicesAndAKafkaOutageAndEveryRowEndsAsItsCallsDictate()
            throws Exception {
        // ---- the simulator: seeded, mixed outcomes, faulty deliveries, nothing silent (that is the reconciler's test)
        sim().body("""
                {"timeFactor": 0.01,
                 "outcomes": {"answered": 0.4, "busy": 0.15, "noAnswer": 0.15, "voicemail": 0.15, "failed": 0.15, "silent": 0},
                 "answered": {"callbackProbability": 0.25, "doNotCallProbability": 0.15},
                 "faults": {"duplicateProbability": 0.25, "reorderProbability": 0.25, "delayProbability": 0.15,
                            "maxDelaySeconds": 30}}""").put("/sim/config").then().statusCode(200);
        sim().body("{\"seed\": " + SEED + "}").post("/sim/reset").then().statusCode(200);

        // ---- a tenant with credits, a VAPI connection pointing at the simulator, an agent and its number
        SignedUp tenant = platform.signUp();
        grantCredits(tenant);
        String apiKey = "e2e-key-" + UUID.randomUUID();
        String secret = "e2e-secret-" + UUID.randomUUID();
        String connection = create(tenant, "/api/v1/provider-connections", Map.of("provider", "vapi", "name", "simulator",
                "apiKey", apiKey, "webhookSecret", secret, "apiBaseUrl", simulator.url() + "/vapi"));
        sim().body(Map.of("provider", "vapi", "connectionId", connection, "apiKey", apiKey, "webhookSecret", secret,
                "webhookBaseUrl", platform.url())).post("/sim/accounts").then().statusCode(201);
        String agent = create(tenant, "/api/v1/agents", Map.of("name", "E2E", "connectionId", connection,
                "providerAgentId", "asst_e2e"));
        create(tenant, "/api/v1/phone-numbers", Map.of("phoneNumber", "+14155550100", "capabilities", List.of("voice"),
                "connectionId", connection, "providerSid", "pn_e2e", "agentId", agent));
        api(tenant).body(Map.of("maxConcurrentCalls", 12)).put("/api/v1/dialer-settings").then().statusCode(200);

        // ---- the audience: contacts in three open zones, every 20th number on the DNC list, every 10th in a closed zone
        List<String> open = zonesWithLocalTimeBetween(LocalTime.of(8, 45), LocalTime.of(20, 0), 3);
        String closed = zonesWithLocalTimeBetween(LocalTime.of(0, 0), LocalTime.of(6, 0), 1).get(0);
        List<Recipient> recipients = new ArrayList<>();
        for (int i = 0; i < CONTACTS; i++) {
            boolean closedWindow = i % 10 == 3;
            recipients.add(new Recipient("+1415555" + (1000 + i), closedWindow ? closed : open.get(i % open.size()), null,
                    i % 20 == 7, closedWindow));
        }
        // created by 8 clients at once: the platform's API is not what this test measures
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Recipient>> created = new ArrayList<>();
            for (Recipient r : recipients) {
                created.add(pool.submit(() -> {
                    UUID contact = UUID.fromString(create(tenant, "/api/v1/contacts", Map.of("phone", r.phone(),
                            "firstName", "C" + r.phone().substring(8), "timeZone", r.zone())));
                    if (r.dnc()) {
                        api(tenant).body(Map.of("phone", r.phone(), "reason", "e2e")).post("/api/v1/dnc/lists/internal/numbers")
                                .then().statusCode(201);
                    }
                    return new Recipient(r.phone(), r.zone(), contact, r.dnc(), r.closedWindow());
                }));
            }
            recipients.clear();
            for (java.util.concurrent.Future<Recipient> f : created) {
                recipients.add(f.get());
            }
        } finally {
            pool.shutdown();
        }
        long dncCount = recipients.stream().filter(Recipient::dnc).count();
        // the dialer fails closed while its replica is behind; it must have every DNC number before the launch so that
        // a DNC number could only be dialed by a bug, never by a race of the test
        Awaitility.await("campaigns-service's DNC replica").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> count("campaigns", tenant.tenantId(), "SELECT count(*) FROM blocked_number") == dncCount);

        String campaign = create(tenant, "/api/v1/campaigns", Map.of("name", "e2e-" + UUID.randomUUID(), "agentId", agent,
                "callingWindowStart", WINDOW_START.toString(), "callingWindowEnd", WINDOW_END.toString(),
                "allowedWeekdays", List.of(1, 2, 3, 4, 5, 6, 7), "maxRetries", MAX_RETRIES,
                "retryMinutes", Map.of("busy", 1, "noAnswer", 1, "voicemail", 1, "failed", 1)));
        StringBuilder csv = new StringBuilder("phone,contact_id,time_zone,first_name\n");
        for (int i = 0; i < recipients.size(); i++) {
            Recipient r = recipients.get(i);
            csv.append(r.phone()).append(',').append(r.contactId()).append(',').append(r.zone()).append(",C").append(i)
                    .append('\n');
        }
        api(tenant).contentType("text/csv").body(csv.toString()).post("/api/v1/campaigns/" + campaign + "/audience")
                .then().statusCode(201).body("rowsQueued", org.hamcrest.Matchers.equalTo(CONTACTS));
        Instant launchedAt = Instant.now();
        api(tenant).post("/api/v1/campaigns/" + campaign + "/launch").then().statusCode(200);

        // ---- mid-campaign: kill -9 and restart every service in turn, then a 30 s Kafka outage; a few calls between two
        // disruptions, so each one hits a platform that is dialing
        List<String> disruptions = new ArrayList<>();
        for (ServiceProcess service : platform.services()) {
            awaitMoreCalls(4);
            service.kill();
            service.restart();
            disruptions.add(service.module() + " killed and restarted after " + createCalls() + " calls");
            assertCampaignStillActive(tenant, campaign, service.module());
        }
        awaitMoreCalls(4);
        Infra.stopKafka();
        Thread.sleep(30_000); // the outage itself, not a wait for a result
        Infra.startKafka();
        disruptions.add("Kafka stopped for 30 s after " + createCalls() + " calls");
        assertCampaignStillActive(tenant, campaign, "Kafka");

        // ---- every row in the state its calls dictate
        Map<String, Recipient> byPhone = new HashMap<>();
        recipients.forEach(r -> byPhone.put(r.phone(), r));
        Awaitility.await("every queue row in the state its outcomes dictate").atMost(Duration.ofMinutes(5))
                .pollInterval(Duration.ofSeconds(2))
                .untilAsserted(() -> assertEquals(List.of(), mismatches(tenant, campaign, byPhone)));

        // ---- simulator: no number dialed twice for one attempt, no DNC and no out-of-window number dialed
        JsonNode stats = readJson(sim().get("/sim/stats").then().statusCode(200).extract().asString());
        for (Recipient r : recipients) {
            long dialed = stats.path("numbers").path(r.phone()).path("createCalls").asLong(0);
            if (r.dnc() || r.closedWindow()) {
                assertEquals(0, dialed, r.phone() + (r.dnc() ? " is on the DNC list" : " is outside its window") + " but was dialed");
            }
        }
        assertEquals(0, stats.path("providers").path("vapi").path("createCallsRefused").asLong(), "refused create-calls");
        assertEquals(0, stats.path("providers").path("vapi").path("webhooksRejected").asLong(), "webhooks rejected");
        assertEquals(0, stats.path("providers").path("vapi").path("webhooksFailed").asLong(), "webhooks never delivered");

        // ---- every call exactly once in calls-service, the contacts' counters and analytics
        List<JsonNode> calls = pages(tenant, "/api/v1/calls?campaignId=" + campaign);
        List<JsonNode> simCalls = simCalls();
        Map<String, JsonNode> simByProviderId = new HashMap<>();
        simCalls.forEach(c -> simByProviderId.put(c.path("providerCallId").asText(), c));
        Map<String, Integer> callsPerProviderId = new HashMap<>();
        for (JsonNode call : calls) {
            if (call.hasNonNull("providerCallId")) {
                callsPerProviderId.merge(call.path("providerCallId").asText(), 1, Integer::sum);
            }
        }
        for (JsonNode sim : simCalls) {
            assertEquals(1, callsPerProviderId.getOrDefault(sim.path("providerCallId").asText(), 0),
                    "calls-service calls for the simulator's call " + sim.path("providerCallId").asText());
        }
        for (JsonNode call : calls) {
            assertTrue(List.of("completed", "busy", "no_answer", "failed").contains(call.path("status").asText()),
                    "call " + call.path("id").asText() + " not final: " + call.path("status").asText());
            assertTrue(!call.hasNonNull("providerCallId") || simByProviderId.containsKey(call.path("providerCallId").asText()),
                    "call " + call.path("id").asText() + " has a provider id the simulator never issued");
        }
        assertContactCounters(tenant, recipients, calls);
        // a person who asked never to be called again is on the tenant's internal DNC list (contacts-service)
        List<String> askedNotToBeCalled = simCalls.stream().filter(c -> outcomeOf(c.path("plan")).equals("dnc"))
                .map(c -> c.path("to").asText()).distinct().toList();
        assertTrue(!askedNotToBeCalled.isEmpty(), "the seed played no do-not-call request");
        Awaitility.await("every do-not-call request on the internal DNC list").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> assertEquals(List.of(), askedNotToBeCalled.stream()
                        .filter(phone -> api(tenant).queryParam("phone", phone).queryParam("channel", "voice")
                                .get("/api/v1/dnc/check").then().statusCode(200).extract().<Boolean>path("allowed"))
                        .toList()));
        Awaitility.await("analytics counts every call once").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    JsonNode summary = readJson(api(tenant).get("/api/v1/analytics/tenant/summary").then().statusCode(200)
                            .extract().asString());
                    assertEquals(List.of(calls.size(), calls.size()), List.of(summary.path("callsCreated").asInt(),
                            summary.path("callsCompleted").asInt()), "analytics [callsCreated, callsCompleted]");
                });
        lastRun = new Finished(tenant, calls.stream().mapToLong(c -> c.path("durationSeconds").asLong(0)).sum());
        assertCampaignStillActive(tenant, campaign, "the end");
        System.out.printf("e2e: %d contacts, %d calls (%d by the simulator), %d s after the launch; %s%n", CONTACTS,
                calls.size(), simCalls.size(), Duration.between(launchedAt, Instant.now()).toSeconds(), disruptions);
    }

    /**
     * Analytics' call minutes must be the calls' durations. They are not: calls-service publishes call.completed at the
     * call's first terminal status with the duration known then, and VAPI's duration arrives only in the end-of-call
     * report after its "ended" status update (Retell's call_analyzed after call_ended likewise), so analytics (and the
     * gateway's per-call credit debit, same event) sum mostly zeros: one run counted 3,935 s of 11,740 s. No event
     * tells consumers a finished call's duration changed. Enable once calls-service publishes the final duration.
     */
    @Test
    @Order(2)
    // issue 12: a duration reported after call.completed reaches analytics as call.usage_changed
    void analyticsCallMinutesAreTheCallsDurations() {
        assertTrue(lastRun != null, "the campaign test runs first");
        Awaitility.await("analytics' call minutes").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(() -> assertEquals(lastRun.totalDurationSeconds(), readJson(api(lastRun.tenant())
                        .get("/api/v1/analytics/tenant/summary").then().statusCode(200).extract().asString())
                        .path("totalDurationSeconds").asLong()));
    }

    /**
     * The rows whose state differs from what their calls dictate, each as a readable line. A row's calls are replayed
     * through the campaign's rules: each call's outcome is what the simulator played for it (a call that never reached
     * the simulator, because its dial died with calls-service, failed); a retryable outcome with a retry left asks for
     * one more call.
     */
    private static List<String> mismatches(SignedUp tenant, String campaign, Map<String, Recipient> byPhone) throws Exception {
        List<JsonNode> rows = pages(tenant, "/api/v1/call-queue?campaignId=" + campaign);
        Map<String, List<JsonNode>> simByNumber = new HashMap<>();
        for (JsonNode c : simCalls()) {
            simByNumber.computeIfAbsent(c.path("to").asText(), k -> new ArrayList<>()).add(c);
        }
        Map<String, JsonNode> simByProviderId = new HashMap<>();
        simByNumber.values().forEach(l -> l.forEach(c -> simByProviderId.put(c.path("providerCallId").asText(), c)));
        Map<String, List<JsonNode>> callsByContact = new HashMap<>();
        for (JsonNode call : pages(tenant, "/api/v1/calls?campaignId=" + campaign)) {
            callsByContact.computeIfAbsent(call.path("contactId").asText(), k -> new ArrayList<>()).add(call);
        }
        List<String> out = new ArrayList<>();
        if (rows.size() != byPhone.size()) {
            out.add("queue rows: " + rows.size() + " of " + byPhone.size());
        }
        for (JsonNode row : rows) {
            Recipient r = byPhone.get(row.path("phone").asText());
            String actual = row.path("status").asText() + "/" + row.path("kind").asText() + " attempts "
                    + (row.path("attempts").asInt() - row.path("expirations").asInt());
            List<JsonNode> sim = simByNumber.getOrDefault(r.phone(), List.of());
            if (r.dnc() || r.closedWindow()) {
                String reason = r.dnc() ? "dnc_internal" : "outside_window";
                if (!sim.isEmpty() || !actual.equals("pending/fresh attempts 0") || !reason.equals(row.path("lastSkipReason").asText())) {
                    out.add(r.phone() + ": expected pending, never dialed, skipped " + reason + "; was " + actual + " skipped "
                            + row.path("lastSkipReason").asText() + ", simulator calls " + sim.size());
                }
                continue;
            }
            List<JsonNode> calls = new ArrayList<>(callsByContact.getOrDefault(r.contactId().toString(), List.of()));
            calls.sort(Comparator.comparing(c -> c.path("createdAt").asText()));
            String expected = null;
            int used = 0;
            for (JsonNode call : calls) {
                used++;
                JsonNode played = simByProviderId.get(call.path("providerCallId").asText(""));
                String outcome = played == null ? "failed" : outcomeOf(played.path("plan"));
                if (outcome.equals("callback")) {
                    LocalDateTime local = LocalDateTime.parse(played.path("plan").path("callbackLocal").asText());
                    expected = "pending/callback at " + local.atZone(ZoneId.of(r.zone())).toInstant();
                } else if (outcome.equals("completed")) {
                    expected = "completed";
                } else if (outcome.equals("dnc")) {
                    expected = "cancelled";
                } else if (used <= MAX_RETRIES) {
                    expected = "pending/retry";
                } else {
                    expected = outcome.equals("voicemail") ? "no_answer" : outcome;
                }
            }
            if (expected == null || expected.equals("pending/retry")) {
                out.add(r.phone() + ": still dialing (" + calls.size() + " calls so far), row " + actual);
                continue;
            }
            String rowState = row.path("status").asText();
            if (rowState.equals("pending")) {
                rowState = "pending/" + row.path("kind").asText();
                if (row.path("kind").asText().equals("callback")) {
                    rowState += " at " + OffsetDateTime.parse(row.path("scheduledFor").asText()).toInstant();
                }
            }
            int dials = row.path("attempts").asInt() - row.path("expirations").asInt();
            if (!expected.equals(rowState) || dials != used || sim.size() > used) {
                out.add(r.phone() + ": calls " + describe(calls, simByProviderId) + " dictate " + expected + " after " + used
                        + " dials; row is " + rowState + " after " + dials + " dials (last outcome " + row.path("lastOutcome").asText()
                        + "), simulator calls " + sim.size());
            }
        }
        return out;
    }

    /** What the campaign makes of a played call: completed, callback, dnc, busy, no_answer, voicemail or failed. */
    private static String outcomeOf(JsonNode plan) {
        return switch (plan.path("outcome").asText().toUpperCase()) {
            case "ANSWERED" -> switch (plan.path("intent").asText("NONE").toUpperCase()) {
                case "CALLBACK" -> "callback";
                case "DO_NOT_CALL" -> "dnc";
                default -> "completed";
            };
            case "BUSY" -> "busy";
            case "NO_ANSWER" -> "no_answer";
            case "VOICEMAIL" -> "voicemail";
            default -> "failed";
        };
    }

    private static String describe(List<JsonNode> calls, Map<String, JsonNode> simByProviderId) {
        List<String> parts = new ArrayList<>();
        for (JsonNode call : calls) {
            JsonNode played = simByProviderId.get(call.path("providerCallId").asText(""));
            parts.add(call.path("status").asText() + "/" + call.path("disposition").asText() + "("
                    + (played == null ? "not played" : outcomeOf(played.path("plan"))) + ")");
        }
        return parts.toString();
    }

    /** busy / no answer / not connected per contact: one count per call, by the call's disposition, else its status. */
    private static void assertContactCounters(SignedUp tenant, List<Recipient> recipients, List<JsonNode> calls) {
        Map<String, int[]> expected = new HashMap<>();
        for (JsonNode call : calls) {
            int[] counts = expected.computeIfAbsent(call.path("contactId").asText(), k -> new int[3]);
            String disposition = call.path("disposition").asText("");
            String kind = Set.of("busy", "no_answer", "failed").contains(disposition) ? disposition : call.path("status").asText();
            switch (kind) {
                case "busy" -> counts[0]++;
                case "no_answer" -> counts[1]++;
                case "failed" -> counts[2]++;
                default -> {
                }
            }
        }
        Awaitility.await("the contacts' counters count every call once").atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    List<String> wrong = new ArrayList<>();
                    for (Recipient r : recipients) {
                        JsonNode contact = readJson(api(tenant).get("/api/v1/contacts/" + r.contactId()).then().statusCode(200)
                                .extract().asString());
                        int[] want = expected.getOrDefault(r.contactId().toString(), new int[3]);
                        List<Integer> was = List.of(contact.path("busyCount").asInt(), contact.path("noAnswerCount").asInt(),
                                contact.path("notConnectedCount").asInt());
                        if (!was.equals(List.of(want[0], want[1], want[2]))) {
                            wrong.add(r.phone() + " [busy, noAnswer, notConnected] " + was + " expected "
                                    + List.of(want[0], want[1], want[2]));
                        }
                    }
                    assertEquals(List.of(), wrong);
                });
    }

    private static void assertCampaignStillActive(SignedUp tenant, String campaign, String after) {
        String status = api(tenant).get("/api/v1/campaigns/" + campaign).then().statusCode(200).extract().path("status");
        assertEquals("active", status, "the campaign's state after " + after);
    }

    /** Waits until the simulator has had {@code more} create-calls more, or 20 s have passed (retries are a minute apart). */
    private static void awaitMoreCalls(int more) {
        int target = createCalls() + more;
        IntSupplier now = CampaignEndToEndTest::createCalls;
        try {
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> now.getAsInt() >= target);
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            // the campaign is between its first pass and its retries: disrupt it there
        }
    }

    private static int createCalls() {
        return sim().get("/sim/stats").then().statusCode(200).extract().path("createCalls");
    }

    private static List<JsonNode> simCalls() throws Exception {
        JsonNode calls = readJson(sim().queryParam("limit", 100_000).get("/sim/calls").then().statusCode(200).extract().asString());
        List<JsonNode> out = new ArrayList<>();
        calls.forEach(out::add);
        return out;
    }

    private static List<JsonNode> pages(SignedUp tenant, String path) throws Exception {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = api(tenant).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonNode page = readJson(request.get(path).then().statusCode(200).extract().asString());
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    private static void grantCredits(SignedUp tenant) {
        String token = given().baseUri(platform.url()).contentType(ContentType.JSON)
                .body(Map.of("email", RunningPlatform.SUPER_ADMIN_EMAIL, "password", RunningPlatform.SUPER_ADMIN_PASSWORD))
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
        given().baseUri(platform.url()).header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("amount", 1_000_000, "type", "adjustment", "description", "e2e"))
                .post("/api/v1/admin/tenants/" + tenant.tenantId() + "/credits").then().statusCode(201);
    }

    private static String create(SignedUp tenant, String path, Map<String, ?> body) {
        return api(tenant).body(body).post(path).then().statusCode(201).extract().path("id").toString();
    }

    private static RequestSpecification api(SignedUp tenant) {
        return given().baseUri(platform.url()).header("Authorization", tenant.bearer()).contentType(ContentType.JSON);
    }

    private static RequestSpecification sim() {
        return given().baseUri(simulator.url()).contentType(ContentType.JSON);
    }

    private static JsonNode readJson(String body) throws Exception {
        return JSON.readTree(body);
    }

    private static long count(String database, UUID tenant, String sql) throws SQLException {
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl(database), Infra.DB_USER, Infra.DB_PASSWORD);
                Statement s = db.createStatement()) {
            s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
            try (ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** {@code n} zones (distinct offsets) whose local time is in [from, to) now and ten minutes from now. */
    private static List<String> zonesWithLocalTimeBetween(LocalTime from, LocalTime to, int n) {
        Instant now = Instant.now();
        Map<Integer, String> byOffset = new LinkedHashMap<>();
        for (String id : ZONES) {
            ZoneId zone = ZoneId.of(id);
            LocalTime local = now.atZone(zone).toLocalTime();
            LocalTime later = now.plus(Duration.ofMinutes(10)).atZone(zone).toLocalTime();
            if (!local.isBefore(from) && later.isBefore(to) && !later.isBefore(local)) {
                byOffset.putIfAbsent(zone.getRules().getOffset(now).getTotalSeconds(), id);
            }
        }
        List<String> zones = new ArrayList<>(byOffset.values());
        if (zones.size() < n) {
            throw new IllegalStateException("fewer than " + n + " zones at " + from + "-" + to + " now: " + zones);
        }
        Set<String> picked = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String zone = zones.get(i * zones.size() / n);
            if (picked.add(zone)) {
                out.add(zone);
            }
        }
        return out;
    }
}
