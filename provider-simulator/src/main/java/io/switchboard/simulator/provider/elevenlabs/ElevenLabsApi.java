package io.switchboard.simulator.provider.elevenlabs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.provider.CreateCalls;
import io.switchboard.simulator.provider.Ids;
import io.switchboard.simulator.provider.Json;

/**
 * ElevenLabs Agents' {@code POST /v1/convai/twilio/outbound-call}: header {@code xi-api-key}; answers
 * {@code {success, message, conversation_id, callSid}}. Validation errors are FastAPI's 422 {@code detail} list,
 * as ElevenLabs answers them.
 */
@Path("/elevenlabs/v1/convai/twilio/outbound-call")
@Produces(MediaType.APPLICATION_JSON)
public class ElevenLabsApi {

    private final CreateCalls calls;

    public ElevenLabsApi(CreateCalls calls) {
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("xi-api-key") String apiKey, byte[] body) {
        Optional<Account> account = calls.byApiKey("elevenlabs", apiKey);
        if (account.isEmpty()) {
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("status", apiKey == null ? "needs_authorization" : "invalid_api_key");
            detail.put("message", apiKey == null ? "Neither authorization header nor xi-api-key received, please provide one."
                    : "Invalid API key");
            return calls.refuse("elevenlabs", Response.status(401).type(MediaType.APPLICATION_JSON).entity(Map.of("detail", detail)).build());
        }
        ObjectNode request = Json.parseObject(body);
        List<Map<String, Object>> problems = new ArrayList<>();
        if (request == null) {
            problems.add(problem("body", "json_invalid", "Input should be a valid JSON object"));
        } else {
            for (String field : List.of("agent_id", "agent_phone_number_id", "to_number")) {
                if (Json.text(request, field) == null) {
                    problems.add(problem(field, "missing", "Field required"));
                }
            }
            String to = Json.text(request, "to_number");
            if (to != null && !Json.isE164(to)) {
                problems.add(problem("to_number", "value_error", "Value error, to_number must be in E.164 format"));
            }
            if (request.has("conversation_initiation_client_data") && !request.get("conversation_initiation_client_data").isObject()) {
                problems.add(problem("conversation_initiation_client_data", "model_type", "Input should be a valid dictionary"));
            }
        }
        if (!problems.isEmpty()) {
            return calls.refuse("elevenlabs", Response.status(422).type(MediaType.APPLICATION_JSON).entity(Map.of("detail", problems)).build());
        }
        String conversationId = "conv_" + Ids.lowerAlphanumeric(26);
        String callSid = Ids.twilioSid("CA");
        SimCall call = calls.play(account.get(), conversationId, null, Json.text(request, "to_number"), Json.map(request),
                c -> new ElevenLabsScript(c, request, callSid));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("message", "Success");
        answer.put("conversation_id", call.getProviderCallId());
        answer.put("callSid", callSid);
        return Response.ok(answer).build();
    }

    private static Map<String, Object> problem(String field, String type, String message) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", type);
        problem.put("loc", List.of("body", field));
        problem.put("msg", message);
        return problem;
    }
}
