package io.switchboard.simulator.provider.bolna;

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

/** Bolna's {@code POST /call}: Bearer API key; answers {@code {message: "done", status: "queued", execution_id}}. */
@Path("/bolna/call")
@Produces(MediaType.APPLICATION_JSON)
public class BolnaApi {

    private final CreateCalls calls;

    public BolnaApi(CreateCalls calls) {
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Authorization") String authorization, byte[] body) {
        Optional<Account> account = calls.byApiKey("bolna", CreateCalls.bearer(authorization));
        if (account.isEmpty()) {
            return calls.refuse("bolna", error(401, 1401, "Access denied"));
        }
        ObjectNode request = Json.parseObject(body);
        List<String> problems = CreateCalls.problems(request, BolnaApi::problems);
        if (!problems.isEmpty()) {
            return calls.refuse("bolna", error(400, 1001, String.join("; ", problems)));
        }
        SimCall call = calls.play(account.get(), Ids.uuid(), Json.text(request, "from_phone_number"),
                Json.text(request, "recipient_phone_number"), Json.map(request), c -> new BolnaScript(c, request, Ids.twilioSid("CA")));
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("message", "done");
        answer.put("status", "queued");
        answer.put("execution_id", call.getProviderCallId());
        return Response.ok(answer).build();
    }

    private static List<String> problems(ObjectNode request) {
        List<String> problems = new ArrayList<>();
        if (Json.text(request, "agent_id") == null) {
            problems.add("agent_id is required");
        }
        String to = Json.text(request, "recipient_phone_number");
        if (to == null) {
            problems.add("recipient_phone_number is required");
        } else if (!Json.isE164(to)) {
            problems.add("recipient_phone_number must be in E.164 format");
        }
        if (request.has("from_phone_number") && !request.get("from_phone_number").isNull()
                && !Json.isE164(Json.text(request, "from_phone_number"))) {
            problems.add("from_phone_number must be in E.164 format");
        }
        if (request.has("user_data") && !request.get("user_data").isObject() && !request.get("user_data").isNull()) {
            problems.add("user_data must be an object");
        }
        return problems;
    }

    /** Bolna's error body: {error: internal code, message}. */
    static Response error(int status, int code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
