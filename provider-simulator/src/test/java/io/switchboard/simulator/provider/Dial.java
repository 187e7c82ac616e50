package io.switchboard.simulator.provider;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.switchboard.simulator.Sim;

/** Create-calls as our adapters send them (calls-service outbound), to the simulator's accounts of {@link #accounts()}. */
final class Dial {

    static final String AC = "AC22222222222222222222222222222222";

    private Dial() {
    }

    static void accounts() {
        Sim.register("twilio", "c-twilio", "sk-twilio", AC, "auth-token", null);
        Sim.register("vapi", "c-vapi", "vapi-key", null, "vapi-secret", null);
        Sim.register("retell", "c-retell", "retell-key", null, null, null);
        Sim.register("elevenlabs", "c-el", "xi-key", null, "el-secret", null);
        Sim.register("bolna", "c-bolna", "bolna-key", null, "bolna-token", null);
    }

    /** Places one call through {@code provider}'s API; the provider's call id. */
    static String call(String provider, String to) {
        return switch (provider) {
            case "twilio" -> given().auth().preemptive().basic(AC, "sk-twilio").formParam("To", to).formParam("From", "+14155550100")
                    .formParam("Url", "https://agent.example/twiml")
                    .formParam("StatusCallback", Sim.platformUrl() + "/webhooks/twilio/c-twilio/status")
                    .formParam("StatusCallbackEvent", "ringing").formParam("StatusCallbackEvent", "answered")
                    .formParam("StatusCallbackEvent", "completed")
                    .post("/twilio/2010-04-01/Accounts/" + AC + "/Calls.json").then().statusCode(201).extract().path("sid");
            case "vapi" -> given().header("Authorization", "Bearer vapi-key").contentType(ContentType.JSON)
                    .body(CreateCallApiTest.vapiBody(to)).post("/vapi/call").then().statusCode(201).extract().path("id");
            case "retell" -> given().header("Authorization", "Bearer retell-key").contentType(ContentType.JSON)
                    .body(CreateCallApiTest.retellBody(to)).post("/retell/v2/create-phone-call").then().statusCode(201).extract().path("call_id");
            case "elevenlabs" -> given().header("xi-api-key", "xi-key").contentType(ContentType.JSON)
                    .body(CreateCallApiTest.elevenLabsBody(to)).post("/elevenlabs/v1/convai/twilio/outbound-call").then().statusCode(200)
                    .extract().path("conversation_id");
            case "bolna" -> given().header("Authorization", "Bearer bolna-key").contentType(ContentType.JSON)
                    .body(CreateCallApiTest.bolnaBody(to)).post("/bolna/call").then().statusCode(200).extract().path("execution_id");
            default -> throw new IllegalArgumentException(provider);
        };
    }

    static String path(String provider) {
        return switch (provider) {
            case "twilio" -> "/webhooks/twilio/c-twilio/status";
            case "elevenlabs" -> "/webhooks/elevenlabs/c-el";
            default -> "/webhooks/" + provider + "/c-" + provider;
        };
    }
}
