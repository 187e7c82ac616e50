package io.switchboard.simulator.provider.retell;

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

/** Retell's {@code POST /v2/create-phone-call}: Bearer API key; answers the call object (call_status registered). */
@Path("/retell/v2/create-phone-call")
@Produces(MediaType.APPLICATION_JSON)
public class RetellApi {

    static final String DEFAULT_AGENT = "agent_sim0000000000000000000000";

    private final CreateCalls calls;

    public RetellApi(CreateCalls calls) {
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Authorization") String authorization, byte[] body) {
        Optional<Account> account = calls.byApiKey("retell", CreateCalls.bearer(authorization));
        if (account.isEmpty()) {
            return calls.refuse("retell", error(401, "Unauthorized: invalid API key"));
        }
        ObjectNode request = Json.parseObject(body);
        List<String> problems = CreateCalls.problems(request, RetellApi::problems);
        if (!problems.isEmpty()) {
            return calls.refuse("retell", error(400, String.join("; ", problems)));
        }
        SimCall call = calls.play(account.get(), Ids.alphanumeric(32), Json.text(request, "from_number"),
                Json.text(request, "to_number"), Json.map(request), c -> new RetellScript(c, request));
        return Response.status(201).entity(RetellScript.callObject(call, request, "registered")).build();
    }

    private static List<String> problems(ObjectNode request) {
        List<String> problems = new ArrayList<>();
        for (String field : List.of("from_number", "to_number")) {
            String number = Json.text(request, field);
            if (number == null) {
                problems.add(field + " is required");
            } else if (!Json.isE164(number)) {
                problems.add(field + " must be a phone number in E.164 format");
            }
        }
        for (String field : List.of("metadata", "retell_llm_dynamic_variables")) {
            if (request.has(field) && !request.get(field).isObject()) {
                problems.add(field + " must be an object");
            }
        }
        return problems;
    }

    /** Retell's error body. */
    static Response error(int status, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "error");
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
