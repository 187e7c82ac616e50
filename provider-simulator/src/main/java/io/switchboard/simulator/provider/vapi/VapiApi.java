package io.switchboard.simulator.provider.vapi;

import java.time.Instant;
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

/** VAPI's {@code POST /call}: Bearer private API key, JSON body; answers the call object (status queued). */
@Path("/vapi/call")
@Produces(MediaType.APPLICATION_JSON)
public class VapiApi {

    static final String ORG_ID = "5f2c1e0a-7b3d-4c9e-8a1f-0d6e2b4c8a90";

    private final CreateCalls calls;

    public VapiApi(CreateCalls calls) {
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(@HeaderParam("Authorization") String authorization, byte[] body) {
        Optional<Account> account = calls.byApiKey("vapi", CreateCalls.bearer(authorization));
        if (account.isEmpty()) {
            return calls.refuse("vapi", error(401, "Unauthorized", List.of("Invalid Key. Hot tip, you may be using the private key instead of the public key, or vice versa.")));
        }
        ObjectNode request = Json.parseObject(body);
        List<String> problems = CreateCalls.problems(request, VapiApi::problems);
        if (!problems.isEmpty()) {
            return calls.refuse("vapi", error(400, "Bad Request", problems));
        }
        String to = Json.text(request, "customer.number");
        String from = Json.text(request, "phoneNumber.number");
        SimCall call = calls.play(account.get(), Ids.uuid(), from, to, Json.map(request), c -> new VapiScript(c, request));
        return Response.status(201).entity(callObject(call, request, "queued", call.getReceivedAt())).build();
    }

    private static List<String> problems(ObjectNode request) {
        List<String> problems = new ArrayList<>();
        if (Json.text(request, "assistantId") == null && !request.path("assistant").isObject() && !request.path("squad").isObject()
                && Json.text(request, "squadId") == null) {
            problems.add("assistantId or assistant or squadId or squad must be provided");
        }
        if (Json.text(request, "phoneNumberId") == null && !request.path("phoneNumber").isObject()) {
            problems.add("phoneNumberId or phoneNumber must be provided");
        }
        String number = Json.text(request, "customer.number");
        if (number == null) {
            problems.add("customer.number must be a string");
        } else if (!Json.isE164(number)) {
            problems.add("customer.number must be a valid phone number in the E.164 format. Hot tip, you may be missing the country code (Eg. US: +1).");
        }
        if (request.has("metadata") && !request.get("metadata").isObject()) {
            problems.add("metadata must be an object");
        }
        return problems;
    }

    /** VAPI's call object as its API and its server messages show it. */
    static ObjectNode callObject(SimCall call, ObjectNode request, String status, Instant updatedAt) {
        ObjectNode object = Json.object();
        object.put("id", call.getProviderCallId());
        object.put("orgId", ORG_ID);
        object.put("createdAt", call.getReceivedAt().toString());
        object.put("updatedAt", updatedAt.toString());
        object.put("type", "outboundPhoneCall");
        object.put("status", status);
        copy(request, object, "assistantId", "assistantOverrides", "squadId", "phoneNumberId", "customer", "metadata", "name");
        if (request.has("phoneNumber")) {
            object.set("phoneNumber", request.get("phoneNumber"));
        }
        object.put("phoneCallProvider", "twilio");
        object.put("phoneCallTransport", "pstn");
        return object;
    }

    private static void copy(ObjectNode from, ObjectNode to, String... fields) {
        for (String field : fields) {
            if (from.has(field)) {
                to.set(field, from.get(field));
            }
        }
    }

    /** VAPI's (NestJS) error body: {message, error, statusCode}, message a list for validation errors. */
    static Response error(int status, String error, List<String> messages) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", status == 400 ? messages : messages.get(0));
        body.put("error", error);
        body.put("statusCode", status);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
