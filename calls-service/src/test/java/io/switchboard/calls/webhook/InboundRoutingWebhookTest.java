package io.switchboard.calls.webhook;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.switchboard.calls.routing.RoutingFixtures;
import io.switchboard.calls.routing.TwimlXml;
import io.switchboard.testsupport.TestTokens;

/**
 * Seed 004's incoming-call flow through Twilio's webhooks: every routing branch answers TwiML (parsed, never compared
 * as text) and writes its timeline; Twilio's retries change nothing; the fallback and the final status complete the
 * same call record.
 */
@QuarkusTest
class InboundRoutingWebhookTest {

    private static final String TOKEN = "twilio-auth-token";
    private static final String NUMBER = "+12125550199";
    private static final String TEAM = "+14155550100";
    private static final String VAPI_SECRET = "vapi-secret";
    private static final String AGENT_SIP = "sip:frontdesk@sip.example.com";
    private static final String ALWAYS_OPEN = "{\"teamNumber\":\"" + TEAM + "\",\"ringTimeoutSeconds\":15,\"weeklyHours\":["
            + Arrays.stream(DayOfWeek.values()).map(d -> "{\"day\":\"" + d + "\",\"start\":\"00:00\",\"end\":\"24:00\"}")
                    .collect(Collectors.joining(",")) + "]}";
    private static final String NINE_TO_FIVE = "{\"teamNumber\":\"" + TEAM + "\",\"weeklyHours\":["
            + Arrays.stream(DayOfWeek.values()).map(d -> "{\"day\":\"" + d + "\",\"start\":\"09:00\",\"end\":\"17:00\"}")
                    .collect(Collectors.joining(",")) + "]}";

    @Inject
    EntityManager em;

    @Inject
    DeliveryProcessor processor;

    private final UUID tenant = UUID.randomUUID();
    private UUID connection;
    private UUID agent;
    private UUID number;

    @BeforeEach
    void aNumberWithAnAgent() {
        connection = Signed.connection(tenant, "{\"provider\":\"twilio\",\"name\":\"t\",\"webhookSecret\":\"" + TOKEN + "\"}");
        agent = RoutingFixtures.agent(em, tenant, connection, AGENT_SIP, true);
        number = RoutingFixtures.number(tenant, "{\"phoneNumber\":\"" + NUMBER + "\",\"agentId\":\"" + agent + "\",\"connectionId\":\""
                + connection + "\"}");
    }

    private static Map<String, String> inbound(String callSid, String to, String status) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", "AC123");
        form.put("CallSid", callSid);
        form.put("From", "+14155550177");
        form.put("To", to);
        form.put("Direction", "inbound");
        form.put("CallStatus", status);
        return form;
    }

    private static String callSid() {
        return "CA" + UUID.randomUUID().toString().replace("-", "");
    }

    private io.restassured.response.Response post(String callback, Map<String, String> form) {
        String path = "/webhooks/twilio/" + connection + "/" + callback;
        return given().header("X-Twilio-Signature", Signed.twilio(TOKEN, Signed.PUBLIC_BASE + path, form)).formParams(form).post(path);
    }

    private Element twiml(String callback, Map<String, String> form) {
        return TwimlXml.response(post(callback, form).then().statusCode(200).contentType(containsString("application/xml"))
                .extract().asString());
    }

    private JsonPath onlyCall() {
        JsonPath page = given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, page.getList("items").size(), "calls of the tenant");
        return new JsonPath(page.prettify()).setRootPath("items[0]");
    }

    private List<Map<String, Object>> timeline(String callId) {
        return given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls/" + callId + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("");
    }

    private static List<String> types(List<Map<String, Object>> timeline) {
        return timeline.stream().map(e -> (String) e.get("type")).toList();
    }

    private long outbox(String type) {
        return RoutingFixtures.count(em, tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_type = '" + type + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> details(List<Map<String, Object>> timeline, String type) {
        return (Map<String, Object>) timeline.stream().filter(e -> type.equals(e.get("type"))).findFirst().orElseThrow().get("details");
    }

    private void assertDialsTheAgent(Element response) {
        Element dial = TwimlXml.only(response, "Dial");
        assertEquals(AGENT_SIP, TwimlXml.only(dial, "Sip").getTextContent());
    }

    @Test
    void insideBusinessHoursTheCallerIsTransferredToTheTeamWithTheFallbackAsTheDialsAction() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        String sid = callSid();
        Element dial = TwimlXml.only(twiml("voice", inbound(sid, NUMBER, "ringing")), "Dial");
        assertEquals(Signed.PUBLIC_BASE + "/webhooks/twilio/" + connection + "/voice/fallback", dial.getAttribute("action"));
        assertEquals("POST", dial.getAttribute("method"));
        assertEquals("15", dial.getAttribute("timeout"));
        assertEquals(TEAM, TwimlXml.only(dial, "Number").getTextContent());

        JsonPath call = onlyCall();
        assertEquals("transferred_to_team", call.getString("routingStatus"));
        assertEquals(number.toString(), call.getString("phoneNumberId"));
        assertEquals(agent.toString(), call.getString("agentId"));
        assertEquals(sid, call.getString("providerCallId"));
        assertEquals("inbound", call.getString("direction"));
        List<Map<String, Object>> timeline = timeline(call.getString("id"));
        assertEquals(List.of("voice:ringing", "transferred_to_team"), types(timeline));
        Map<String, Object> routed = details(timeline, "transferred_to_team");
        assertEquals("inside_hours", routed.get("reason"));
        assertEquals(TEAM, routed.get("teamNumber"));
        assertEquals("+14155550177", routed.get("from"));
        assertEquals("America/New_York", routed.get("timeZone"));
        assertEquals(1, outbox("io.switchboard.call.routed.v1"));
    }

    @Test
    void twilioRetriesOfTheSameCallSidGetTheSameAnswerAndAreRecordedOnce() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        Map<String, String> form = inbound(callSid(), NUMBER, "ringing");
        Element first = TwimlXml.only(twiml("voice", form), "Dial");
        for (int i = 0; i < 2; i++) {
            Element again = TwimlXml.only(twiml("voice", form), "Dial");
            assertEquals(first.getAttribute("action"), again.getAttribute("action"));
            assertEquals(TEAM, TwimlXml.only(again, "Number").getTextContent());
        }
        assertEquals(List.of("voice:ringing", "transferred_to_team"), types(timeline(onlyCall().getString("id"))));
        assertEquals(1, outbox("io.switchboard.call.routed.v1"));
        assertEquals(1, outbox("io.switchboard.call.created.v1"));
    }

    @Test
    void whenTheTeamDoesNotAnswerTheAgentTakesTheCallAndTheFinalStatusCompletesTheSameRecord() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        String sid = callSid();
        twiml("voice", inbound(sid, NUMBER, "ringing"));
        Map<String, String> fallback = inbound(sid, NUMBER, "in-progress");
        fallback.put("DialCallStatus", "no-answer");
        fallback.put("DialCallSid", callSid());
        assertDialsTheAgent(twiml("voice/fallback", fallback));
        // Twilio retried the action callback: same answer, nothing appended
        assertDialsTheAgent(twiml("voice/fallback", fallback));

        JsonPath call = onlyCall();
        assertEquals("team_no_answer", call.getString("routingStatus"));
        List<Map<String, Object>> timeline = timeline(call.getString("id"));
        assertEquals(List.of("voice:ringing", "transferred_to_team", "team_no_answer"), types(timeline));
        assertEquals("no-answer", details(timeline, "team_no_answer").get("dial_status"));
        assertEquals(2, outbox("io.switchboard.call.routed.v1"));

        // the end of the call, reported on the same CallSid, completes the same record
        Map<String, String> done = inbound(sid, NUMBER, "completed");
        done.put("CallDuration", "42");
        done.put("SequenceNumber", "3");
        post("status", done).then().statusCode(200);
        call = onlyCall();
        assertEquals("completed", call.getString("status"));
        assertEquals("completed", call.getString("routingStatus"));
        assertEquals(42, call.getInt("durationSeconds"));
        assertEquals(agent.toString(), call.getString("agentId"));
        assertEquals(List.of("voice:ringing", "transferred_to_team", "team_no_answer", "status:completed"),
                types(timeline(call.getString("id"))));
        assertEquals(1, outbox("io.switchboard.call.completed.v1"));
    }

    @Test
    void aBusyOrFailedTeamAlsoFallsBackButATeamThatAnsweredEndsWithNothingMore() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        String answered = callSid();
        twiml("voice", inbound(answered, NUMBER, "ringing"));
        Map<String, String> completed = inbound(answered, NUMBER, "in-progress");
        completed.put("DialCallStatus", "completed");
        assertTrue(TwimlXml.verbs(twiml("voice/fallback", completed)).isEmpty());
        for (String status : List.of("busy", "failed")) {
            String sid = callSid();
            twiml("voice", inbound(sid, NUMBER, "ringing"));
            Map<String, String> missed = inbound(sid, NUMBER, "in-progress");
            missed.put("DialCallStatus", status);
            assertDialsTheAgent(twiml("voice/fallback", missed));
        }
        Map<String, String> statuses = given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls").then()
                .extract().jsonPath().getList("items", Map.class).stream()
                .collect(Collectors.toMap(c -> (String) c.get("providerCallId"), c -> (String) c.get("routingStatus")));
        assertEquals("transferred_to_team", statuses.get(answered));
        assertEquals(2, statuses.values().stream().filter("team_no_answer"::equals).count());
    }

    @Test
    void aFallbackWithABadSignatureIsRefusedAndChangesNothing() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        String sid = callSid();
        twiml("voice", inbound(sid, NUMBER, "ringing"));
        Map<String, String> fallback = inbound(sid, NUMBER, "in-progress");
        fallback.put("DialCallStatus", "no-answer");
        String path = "/webhooks/twilio/" + connection + "/voice/fallback";
        given().header("X-Twilio-Signature", Signed.twilio("not-the-token", Signed.PUBLIC_BASE + path, fallback)).formParams(fallback)
                .post(path).then().statusCode(401).contentType("application/problem+json");
        // signed for the voice URL, replayed to the fallback URL
        given().header("X-Twilio-Signature", Signed.twilio(TOKEN, Signed.PUBLIC_BASE + "/webhooks/twilio/" + connection + "/voice",
                fallback)).formParams(fallback).post(path).then().statusCode(401);
        assertEquals("transferred_to_team", onlyCall().getString("routingStatus"));
    }

    @Test
    void unknownInactiveAndAgentlessNumbersAreToldSoAndHungUpWithATimelineEntry() {
        UUID inactive = RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550111\",\"agentId\":\"" + agent + "\",\"active\":false}");
        RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550122\"}");
        UUID vapi = Signed.connection(tenant, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"s\"}");
        UUID unreachable = RoutingFixtures.agent(em, tenant, vapi, "asst_without_sip", true);
        RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550133\",\"agentId\":\"" + unreachable + "\"}");
        UUID disabled = RoutingFixtures.agent(em, tenant, connection, "sip:off-duty@sip.example.com", false);
        RoutingFixtures.number(tenant, "{\"phoneNumber\":\"+12125550144\",\"agentId\":\"" + disabled + "\"}");
        Map<String, String> reasons = Map.of("+12125550100", "unknown_number", "+12125550111", "number_inactive",
                "+12125550122", "no_agent", "+12125550133", "agent_unreachable", "+12125550144", "no_agent");
        reasons.forEach((to, reason) -> {
            Element response = twiml("voice", inbound(callSid(), to, "ringing"));
            assertEquals(List.of("Say", "Hangup"), TwimlXml.verbs(response), to);
            assertTrue(!TwimlXml.children(response).get(0).getTextContent().isBlank());
        });
        List<Map<String, Object>> calls = given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls").then()
                .extract().jsonPath().getList("items");
        assertEquals(5, calls.size());
        for (Map<String, Object> call : calls) {
            assertNull(call.get("routingStatus"));
            List<Map<String, Object>> timeline = timeline((String) call.get("id"));
            assertEquals(List.of("voice:ringing", "routing_refused"), types(timeline));
            assertEquals(reasons.get((String) call.get("toNumber")), details(timeline, "routing_refused").get("reason"));
        }
        assertEquals(inactive.toString(), calls.stream().filter(c -> "+12125550111".equals(c.get("toNumber"))).findFirst()
                .orElseThrow().get("phoneNumberId"));
        List<Map<String, Object>> log = given().header("Authorization", TestTokens.bearer(tenant))
                .queryParam("connectionId", connection.toString()).get("/api/v1/webhook-deliveries").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertTrue(log.stream().anyMatch(d -> "routing refused: unknown_number".equals(d.get("detail"))), log.toString());
        assertEquals(0, outbox("io.switchboard.call.routed.v1"));
    }

    @Test
    void anOutboundCallsVoiceWebhookIsLeftToTheCallModel() {
        Map<String, String> form = inbound(callSid(), "+14155550177", "in-progress");
        form.put("Direction", "outbound-api");
        form.put("From", NUMBER);
        assertTrue(TwimlXml.verbs(twiml("voice", form)).isEmpty());
        assertNull(onlyCall().getString("routingStatus"));
        assertEquals(0, outbox("io.switchboard.call.routed.v1"));
    }

    /** The decision is read in the number's zone at the moment the call arrives: New York changed clocks on 8 March 2026. */
    @Test
    void theSameUtcTimeRoutesDifferentlyAcrossNewYorksSpringForward() {
        RoutingFixtures.schedule(tenant, number, NINE_TO_FIVE);
        // Saturday 7 March 13:30 UTC = 08:30 EST: before opening
        ProcessingResult before = processor.process(delivery(inbound(callSid(), NUMBER, "ringing"), "2026-03-07T13:30:00Z"));
        assertDialsTheAgent(TwimlXml.response(before.responseBody()));
        // Sunday 8 March 13:30 UTC = 09:30 EDT: open
        ProcessingResult after = processor.process(delivery(inbound(callSid(), NUMBER, "ringing"), "2026-03-08T13:30:00Z"));
        assertEquals(TEAM, TwimlXml.only(TwimlXml.only(TwimlXml.response(after.responseBody()), "Dial"), "Number").getTextContent());

        List<Map<String, Object>> first = timeline(before.callId().toString());
        assertEquals(List.of("voice:ringing", "direct_to_agent"), types(first));
        assertEquals("outside_hours", details(first, "direct_to_agent").get("reason"));
        assertEquals("2026-03-07T08:30", details(first, "direct_to_agent").get("localTime"));
        List<Map<String, Object>> second = timeline(after.callId().toString());
        assertEquals(List.of("voice:ringing", "transferred_to_team"), types(second));
        assertEquals("2026-03-08T09:30", details(second, "transferred_to_team").get("localTime"));
    }

    @Test
    void aClosedHolidaySendsTheCallStraightToTheAgent() {
        RoutingFixtures.schedule(tenant, number, NINE_TO_FIVE.replace("]}", "],\"holidays\":[{\"date\":\"2026-12-25\",\"closed\":true}]}"));
        ProcessingResult holiday = processor.process(delivery(inbound(callSid(), NUMBER, "ringing"), "2026-12-25T15:00:00Z"));
        assertDialsTheAgent(TwimlXml.response(holiday.responseBody()));
        assertEquals("holiday_closed", details(timeline(holiday.callId().toString()), "direct_to_agent").get("reason"));
    }

    // ---- the agent's end-of-call report completes the routed call, found by its CallSid ----

    /**
     * VAPI's end-of-call report (the fixture) for an inbound phone call VAPI took over the tenant's Twilio number: its
     * own call id, and the Twilio CallSid in {@code call.phoneCallProviderId} with {@code phoneCallProvider: twilio}.
     */
    private static String vapiReport(String vapiCallId, String callSid) {
        try {
            ObjectNode root = (ObjectNode) Payloads.JSON.readTree(Files.readAllBytes(
                    Fixtures.root().resolve("vapi/outbound-completed/04-end-of-call-report.json")));
            ObjectNode call = (ObjectNode) root.get("message").get("call");
            call.put("id", vapiCallId).put("type", "inboundPhoneCall").put("phoneCallProvider", "twilio")
                    .put("phoneCallProviderId", callSid);
            return Payloads.JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UUID vapiConnection(UUID tenantId) {
        return Signed.connection(tenantId, "{\"provider\":\"vapi\",\"name\":\"v\",\"webhookSecret\":\"" + VAPI_SECRET + "\"}");
    }

    private static void postVapi(UUID vapiConnection, String body) {
        given().header("X-Vapi-Secret", VAPI_SECRET).contentType(ContentType.JSON).body(body)
                .post("/webhooks/vapi/" + vapiConnection).then().statusCode(200);
    }

    private Map<String, String> completedStatus(String sid) {
        Map<String, String> done = inbound(sid, NUMBER, "completed");
        done.put("CallDuration", "95");
        done.put("SequenceNumber", "3");
        return done;
    }

    private JsonPath call(String id) {
        return given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    /** What a call's events made of it, without the ids and times that differ between two calls. */
    private Map<String, Object> finalState(String id) {
        Map<String, Object> state = new LinkedHashMap<>(call(id).getMap(""));
        state.keySet().removeAll(List.of("id", "providerCallId", "createdAt", "updatedAt", "lastEventAt"));
        return state;
    }

    private long completedEvents(String callId) {
        return RoutingFixtures.count(em, tenant, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1 AND event_key = '"
                + callId + "' AND event_type = 'io.switchboard.call.completed.v1'");
    }

    @Test
    void theAgentsEndOfCallReportCarryingTheCallSidCompletesTheTeamTransferredCallItselfOnceUnderDuplicates() {
        RoutingFixtures.schedule(tenant, number, ALWAYS_OPEN);
        UUID vapi = vapiConnection(tenant);
        String sid = callSid();
        twiml("voice", inbound(sid, NUMBER, "ringing"));
        Map<String, String> fallback = inbound(sid, NUMBER, "in-progress");
        fallback.put("DialCallStatus", "no-answer");
        assertDialsTheAgent(twiml("voice/fallback", fallback));

        String vapiCallId = UUID.randomUUID().toString();
        String report = vapiReport(vapiCallId, sid);
        postVapi(vapi, report);
        postVapi(vapi, report); // VAPI retried its webhook
        post("status", completedStatus(sid)).then().statusCode(200);

        JsonPath call = onlyCall();
        String id = call.getString("id");
        assertEquals(sid, call.getString("providerCallId"));
        assertEquals("twilio", call.getString("provider"));
        assertEquals("completed", call.getString("status"));
        assertEquals("completed", call.getString("routingStatus"));
        assertEquals("answered_human", call.getString("disposition"));
        assertEquals(agent.toString(), call.getString("agentId"));
        assertEquals("The customer confirmed the Tuesday 10:00 appointment.", call.getString("summary"));
        assertTrue(call.getInt("durationSeconds") > 0);
        given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls/" + id + "/transcript").then()
                .statusCode(200).body("text", containsString("Can you confirm Tuesday at 10?"));
        List<Map<String, Object>> timeline = timeline(id);
        assertEquals(List.of("voice:ringing", "transferred_to_team", "team_no_answer", "end-of-call-report", "status:completed"),
                types(timeline));
        Map<String, Object> report0 = details(timeline, "end-of-call-report");
        assertEquals("vapi", report0.get("provider"));
        assertEquals(vapiCallId, report0.get("providerCallId"));
        assertEquals(1, completedEvents(id));
        assertEquals(1, outbox("io.switchboard.call.completed.v1"));
        assertEquals(1, outbox("io.switchboard.call.created.v1"));
    }

    @Test
    void theReportBeforeOrAfterTwiliosFinalStatusGivesTheDirectToAgentCallTheSameFinalState() {
        UUID vapi = vapiConnection(tenant);
        // no schedule: every call goes straight to the agent
        String reportFirst = callSid();
        assertDialsTheAgent(twiml("voice", inbound(reportFirst, NUMBER, "ringing")));
        postVapi(vapi, vapiReport(UUID.randomUUID().toString(), reportFirst));
        String reportFirstId = onlyCall().getString("id");
        assertEquals("completed", call(reportFirstId).getString("status"));
        assertEquals("completed", call(reportFirstId).getString("routingStatus"));
        post("status", completedStatus(reportFirst)).then().statusCode(200);

        String statusFirst = callSid();
        assertDialsTheAgent(twiml("voice", inbound(statusFirst, NUMBER, "ringing")));
        post("status", completedStatus(statusFirst)).then().statusCode(200);
        postVapi(vapi, vapiReport(UUID.randomUUID().toString(), statusFirst));

        List<Map<String, Object>> calls = given().header("Authorization", TestTokens.bearer(tenant)).get("/api/v1/calls").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2, calls.size(), "one call per CallSid, none per VAPI call id");
        String statusFirstId = calls.stream().map(c -> (String) c.get("id")).filter(id -> !id.equals(reportFirstId))
                .findFirst().orElseThrow();
        assertEquals(statusFirst, call(statusFirstId).getString("providerCallId"));
        Map<String, Object> state = finalState(reportFirstId);
        assertEquals("completed", state.get("status"));
        assertEquals("completed", state.get("routingStatus"));
        assertEquals("The customer confirmed the Tuesday 10:00 appointment.", state.get("summary"));
        assertEquals(state, finalState(statusFirstId));
        assertEquals(List.of("voice:ringing", "direct_to_agent", "end-of-call-report", "status:completed"),
                types(timeline(reportFirstId)));
        assertEquals(List.of("voice:ringing", "direct_to_agent", "status:completed", "end-of-call-report"),
                types(timeline(statusFirstId)));
        assertEquals(1, completedEvents(reportFirstId));
        assertEquals(1, completedEvents(statusFirstId));
    }

    @Test
    void aReportNamingAnotherTenantsCallSidDoesNotJoinThatCall() {
        UUID other = UUID.randomUUID();
        UUID otherTwilio = Signed.connection(other, "{\"provider\":\"twilio\",\"name\":\"t\",\"webhookSecret\":\"" + TOKEN + "\"}");
        UUID otherAgent = RoutingFixtures.agent(em, other, otherTwilio, AGENT_SIP, true);
        RoutingFixtures.number(other, "{\"phoneNumber\":\"" + NUMBER + "\",\"agentId\":\"" + otherAgent
                + "\",\"connectionId\":\"" + otherTwilio + "\"}");
        String sid = callSid();
        String path = "/webhooks/twilio/" + otherTwilio + "/voice";
        Map<String, String> form = inbound(sid, NUMBER, "ringing");
        given().header("X-Twilio-Signature", Signed.twilio(TOKEN, Signed.PUBLIC_BASE + path, form)).formParams(form).post(path)
                .then().statusCode(200);

        String vapiCallId = UUID.randomUUID().toString();
        postVapi(vapiConnection(tenant), vapiReport(vapiCallId, sid));

        // our tenant: the report made its own call, by VAPI's id
        JsonPath ours = onlyCall();
        assertEquals("vapi", ours.getString("provider"));
        assertEquals(vapiCallId, ours.getString("providerCallId"));
        assertEquals("completed", ours.getString("status"));
        // the other tenant's call is untouched: still ringing, two timeline entries, not completed
        assertEquals(1, RoutingFixtures.count(em, other, "SELECT count(*) FROM call WHERE tenant_id = ?1 AND provider = 'twilio'"
                + " AND status = 'ringing'"));
        assertEquals(2, RoutingFixtures.count(em, other, "SELECT count(*) FROM call_event WHERE tenant_id = ?1"));
        assertEquals(0, RoutingFixtures.count(em, other, "SELECT count(*) FROM outbox_event WHERE tenant_id = ?1"
                + " AND event_type = 'io.switchboard.call.completed.v1'"));
    }

    private VerifiedDelivery delivery(Map<String, String> form, String receivedAt) {
        String body = form.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return new VerifiedDelivery(tenant, connection, "twilio", "voice", "application/x-www-form-urlencoded",
                body.getBytes(StandardCharsets.UTF_8), Map.of(), Instant.parse(receivedAt));
    }
}
