package io.switchboard.simulator.provider;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.twilio.exception.ApiException;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.type.PhoneNumber;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.switchboard.simulator.Sim;

/** Each provider's create-call: the right credentials are accepted with the provider's answer, wrong ones refused in its shape. */
@QuarkusTest
class CreateCallApiTest {

    static final String AC = "AC11111111111111111111111111111111";

    @TestHTTPResource("/twilio")
    URI twilioBase;

    @BeforeEach
    void accounts() {
        Sim.fresh();
        Sim.configure(Sim.settings("silent", 0, 0, 0, 0)); // these tests look at the APIs, not the webhooks
        Sim.register("twilio", "c-twilio", "sk-twilio", AC, "auth-token", null);
        Sim.register("vapi", "c-vapi", "vapi-key", null, "vapi-secret", null);
        Sim.register("retell", "c-retell", "retell-key", null, null, null);
        Sim.register("elevenlabs", "c-el", "xi-key", null, "el-secret", null);
        Sim.register("bolna", "c-bolna", "bolna-key", null, "bolna-token", null);
    }

    @Test
    void twilioSdkCreatesACallWithTheApiKeyOrTheAuthTokenAndReadsTheAnswer() {
        for (String password : List.of("sk-twilio", "auth-token")) {
            Call call = Call.creator(new PhoneNumber("+14155550123"), new PhoneNumber("+14155550100"), URI.create("https://agent.example/twiml"))
                    .setStatusCallback(URI.create(Sim.platformUrl() + "/webhooks/twilio/c-twilio/status"))
                    .setStatusCallbackEvent(List.of("ringing", "answered", "completed"))
                    .create(TwilioSdkClient.of(twilioBase.toString(), AC, password));
            assertTrue(call.getSid().matches("CA[0-9a-f]{32}"), call.getSid());
            assertEquals(Call.Status.QUEUED, call.getStatus());
            assertEquals("+14155550123", call.getTo());
        }
        given().get("/sim/calls?provider=twilio").then().body("request[0].StatusCallbackEvent", equalTo(List.of("ringing", "answered", "completed")))
                .body("request[0].Url", equalTo("https://agent.example/twiml"));
    }

    @Test
    void twilioWrongAuthTokenIsRefusedWithError20003() {
        ApiException refused = assertThrows(ApiException.class, () -> Call.creator(new PhoneNumber("+14155550123"),
                new PhoneNumber("+14155550100"), "AP11111111111111111111111111111111").create(TwilioSdkClient.of(twilioBase.toString(), AC, "wrong")));
        assertEquals(20003, refused.getCode());
        assertEquals(401, refused.getStatusCode());
        given().auth().preemptive().basic(AC, "wrong").formParam("To", "+14155550123").formParam("From", "+14155550100")
                .formParam("Url", "https://a.example/t").post("/twilio/2010-04-01/Accounts/" + AC + "/Calls.json")
                .then().statusCode(401).body("code", equalTo(20003)).body("status", equalTo(401))
                .body("more_info", equalTo("https://www.twilio.com/docs/errors/20003"));
    }

    @Test
    void twilioRequestWithoutToOrTargetIsTwilios400() {
        given().auth().preemptive().basic(AC, "auth-token").formParam("From", "+14155550100").formParam("Url", "https://a.example/t")
                .post("/twilio/2010-04-01/Accounts/" + AC + "/Calls.json").then().statusCode(400).body("code", equalTo(21201));
        given().auth().preemptive().basic(AC, "auth-token").formParam("To", "+14155550123").formParam("From", "+14155550100")
                .post("/twilio/2010-04-01/Accounts/" + AC + "/Calls.json").then().statusCode(400).body("code", equalTo(21205));
        given().auth().preemptive().basic(AC, "auth-token").formParam("To", "0123").formParam("From", "+14155550100")
                .formParam("Url", "https://a.example/t").post("/twilio/2010-04-01/Accounts/" + AC + "/Calls.json")
                .then().statusCode(400).body("code", equalTo(21211));
    }

    @Test
    void twilioCredentialsOfOneAccountDoNotCreateCallsUnderAnother() {
        given().auth().preemptive().basic(AC, "auth-token").formParam("To", "+14155550123").formParam("From", "+14155550100")
                .formParam("Url", "https://a.example/t").post("/twilio/2010-04-01/Accounts/AC99999999999999999999999999999999/Calls.json")
                .then().statusCode(401).body("code", equalTo(20003));
    }

    @Test
    void vapiAcceptsItsBodyWithTheKeyAndEchoesTheMetadata() {
        given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON).body(vapiBody("+14155550123"))
                .post("/vapi/call").then().statusCode(201).body("status", equalTo("queued"))
                .body("id", matchesPattern("[0-9a-f-]{36}")).body("type", equalTo("outboundPhoneCall"))
                .body("metadata.switchboardCallId", equalTo("8a4f2c1e-0000-4000-8000-000000000001"))
                .body("customer.number", equalTo("+14155550123"));
    }

    @Test
    void vapiWrongKeyAndBadBodyAnswerVapisErrorShapes() {
        given().header("Authorization", "Bearer nope").contentType(ContentType.JSON).body(vapiBody("+14155550123"))
                .post("/vapi/call").then().statusCode(401).body("statusCode", equalTo(401)).body("error", equalTo("Unauthorized"));
        given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON).body(vapiBody("0123"))
                .post("/vapi/call").then().statusCode(400).body("error", equalTo("Bad Request"))
                .body("message", hasItem(org.hamcrest.Matchers.startsWith("customer.number must be a valid phone number")));
        given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON).body("{\"customer\":{\"number\":\"+14155550123\"}}")
                .post("/vapi/call").then().statusCode(400)
                .body("message", hasItem("assistantId or assistant or squadId or squad must be provided"))
                .body("message", hasItem("phoneNumberId or phoneNumber must be provided"));
        given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON).body("not json")
                .post("/vapi/call").then().statusCode(400).body("statusCode", equalTo(400));
    }

    @Test
    void retellAcceptsItsBodyAndAnswersRegistered() {
        given().header("Authorization", "Bearer retell-key").contentType(ContentType.JSON).body(retellBody("+14155550123"))
                .post("/retell/v2/create-phone-call").then().statusCode(201).body("call_status", equalTo("registered"))
                .body("call_id", matchesPattern("[A-Za-z0-9]{32}")).body("agent_id", equalTo("agent_x"))
                .body("metadata.switchboardCallId", equalTo("8a4f2c1e-0000-4000-8000-000000000001"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(retellBody("+14155550123"))
                .post("/retell/v2/create-phone-call").then().statusCode(401).body("status", equalTo("error"));
        given().header("Authorization", "Bearer retell-key").contentType(ContentType.JSON).body("{\"from_number\":\"+14155550100\"}")
                .post("/retell/v2/create-phone-call").then().statusCode(400).body("message", equalTo("to_number is required"));
    }

    @Test
    void elevenLabsAcceptsItsBodyWithXiApiKeyAndAnswersTheConversation() {
        given().header("xi-api-key", "xi-key").contentType(ContentType.JSON).body(elevenLabsBody("+14155550123"))
                .post("/elevenlabs/v1/convai/twilio/outbound-call").then().statusCode(200).body("success", equalTo(true))
                .body("conversation_id", matchesPattern("conv_[a-z0-9]{26}")).body("callSid", matchesPattern("CA[0-9a-f]{32}"));
        given().header("xi-api-key", "wrong").contentType(ContentType.JSON).body(elevenLabsBody("+14155550123"))
                .post("/elevenlabs/v1/convai/twilio/outbound-call").then().statusCode(401).body("detail.status", equalTo("invalid_api_key"));
        given().header("xi-api-key", "xi-key").contentType(ContentType.JSON).body("{\"agent_id\":\"a\"}")
                .post("/elevenlabs/v1/convai/twilio/outbound-call").then().statusCode(422)
                .body("detail.loc", hasItem(List.of("body", "to_number"))).body("detail.type", hasItem("missing"));
    }

    @Test
    void bolnaAcceptsItsBodyAndAnswersQueued() {
        given().header("Authorization", "Bearer bolna-key").contentType(ContentType.JSON).body(bolnaBody("+14155550123"))
                .post("/bolna/call").then().statusCode(200).body("status", equalTo("queued")).body("message", equalTo("done"))
                .body("execution_id", matchesPattern("[0-9a-f-]{36}"));
        given().header("Authorization", "Bearer wrong").contentType(ContentType.JSON).body(bolnaBody("+14155550123"))
                .post("/bolna/call").then().statusCode(401).body("message", equalTo("Access denied"));
        given().header("Authorization", "Bearer bolna-key").contentType(ContentType.JSON).body("{\"recipient_phone_number\":\"+14155550123\"}")
                .post("/bolna/call").then().statusCode(400).body("error", equalTo(1001)).body("message", equalTo("agent_id is required"));
    }

    @Test
    void refusedCreateCallsAreCountedAndMakeNoCall() {
        given().header("Authorization", "Bearer nope").contentType(ContentType.JSON).body(vapiBody("+14155550123")).post("/vapi/call");
        given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON).body(vapiBody("0123")).post("/vapi/call");
        given().get("/sim/stats").then().body("providers.vapi.createCallsRefused", equalTo(2)).body("providers.vapi.createCalls", equalTo(0))
                .body("createCalls", equalTo(0));
        given().get("/sim/calls").then().body("size()", equalTo(0));
    }

    static String vapiBody(String to) {
        return "{\"assistantId\":\"asst_1\",\"phoneNumberId\":\"pn_1\",\"customer\":{\"number\":\"" + to + "\"},"
                + "\"assistantOverrides\":{\"variableValues\":{\"customer_name\":\"Sam\",\"switchboard_call_id\":\"8a4f2c1e-0000-4000-8000-000000000001\"}},"
                + "\"metadata\":{\"switchboardCallId\":\"8a4f2c1e-0000-4000-8000-000000000001\",\"switchboardDialRequestId\":\"d-1\"}}";
    }

    static String retellBody(String to) {
        return "{\"from_number\":\"+14155550100\",\"to_number\":\"" + to + "\",\"override_agent_id\":\"agent_x\","
                + "\"retell_llm_dynamic_variables\":{\"customer_name\":\"Sam\"},"
                + "\"metadata\":{\"switchboardCallId\":\"8a4f2c1e-0000-4000-8000-000000000001\",\"switchboardDialRequestId\":\"d-1\"}}";
    }

    static String elevenLabsBody(String to) {
        return "{\"agent_id\":\"agent_el\",\"agent_phone_number_id\":\"phnum_1\",\"to_number\":\"" + to + "\","
                + "\"conversation_initiation_client_data\":{\"dynamic_variables\":{\"switchboard_call_id\":\"8a4f2c1e-0000-4000-8000-000000000001\"}}}";
    }

    static String bolnaBody(String to) {
        return "{\"agent_id\":\"3c90c3cc-0d44-4b50-8888-8dd25736052a\",\"recipient_phone_number\":\"" + to + "\","
                + "\"from_phone_number\":\"+14155550100\",\"user_data\":{\"switchboard_call_id\":\"8a4f2c1e-0000-4000-8000-000000000001\"}}";
    }
}
