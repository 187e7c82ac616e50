package io.switchboard.simulator.provider.twilio;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.provider.CreateCalls;
import io.switchboard.simulator.provider.Ids;
import io.switchboard.simulator.provider.Json;
import io.switchboard.simulator.provider.Secrets;

/**
 * Twilio's Create a Call: {@code POST /2010-04-01/Accounts/{AccountSid}/Calls.json}, HTTP Basic
 * {@code AccountSid:AuthToken} (or an API key secret as the password), form-encoded parameters.
 */
@Path("/twilio/2010-04-01/Accounts/{AccountSid}/Calls.json")
@Produces(MediaType.APPLICATION_JSON)
public class TwilioApi {

    static final DateTimeFormatter RFC_2822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.US);

    private final CreateCalls calls;

    public TwilioApi(CreateCalls calls) {
        this.calls = calls;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response create(@PathParam("AccountSid") String accountSid, @HeaderParam("Authorization") String authorization,
            MultivaluedMap<String, String> form) {
        Optional<Account> account = authenticate(authorization).filter(a -> a.accountSid().equals(accountSid));
        if (account.isEmpty()) {
            return calls.refuse("twilio", error(401, 20003, "Authenticate", "Your AccountSid or AuthToken was incorrect."));
        }
        String to = form.getFirst("To");
        String from = form.getFirst("From");
        Response invalid = to == null || to.isBlank() ? error(400, 21201, "No 'To' number is specified", null)
                : !Json.isE164(to) ? error(400, 21211, "The 'To' number " + to + " is not a valid phone number.", null)
                : from == null || from.isBlank() ? error(400, 21213, "No 'From' number is specified", null)
                : !Json.isE164(from) ? error(400, 21212, "The 'From' number " + from + " is not a valid phone number.", null)
                : absent(form, "Url") && absent(form, "Twiml") && absent(form, "ApplicationSid")
                        ? error(400, 21205, "Url, Twiml or ApplicationSid is required", null)
                : null;
        if (invalid != null) {
            return calls.refuse("twilio", invalid);
        }
        Map<String, Object> request = new LinkedHashMap<>();
        form.forEach((name, values) -> request.put(name, values.size() == 1 ? values.get(0) : values));
        String sid = Ids.twilioSid("CA");
        List<String> events = form.get("StatusCallbackEvent");
        SimCall call = calls.play(account.get(), sid, from, to, request,
                c -> new TwilioScript(c, form.getFirst("StatusCallback"), events, form.getFirst("MachineDetection")));
        return Response.status(201).entity(resource(call, accountSid)).build();
    }

    private Optional<Account> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String user = decoded.substring(0, colon);
        String password = decoded.substring(colon + 1);
        return calls.twilio(user)
                .filter(a -> Secrets.same(a.webhookSecret(), password) || Secrets.same(a.apiKey(), password));
    }

    /** Twilio's Call resource as the create answers it (status queued). */
    private static Map<String, Object> resource(SimCall call, String accountSid) {
        String uri = "/2010-04-01/Accounts/" + accountSid + "/Calls/" + call.getProviderCallId();
        String now = RFC_2822.format(call.getReceivedAt().atOffset(ZoneOffset.UTC));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("account_sid", accountSid);
        body.put("annotation", null);
        body.put("answered_by", null);
        body.put("api_version", "2010-04-01");
        body.put("caller_name", null);
        body.put("date_created", now);
        body.put("date_updated", now);
        body.put("direction", "outbound-api");
        body.put("duration", null);
        body.put("end_time", null);
        body.put("forwarded_from", null);
        body.put("from", call.getFrom());
        body.put("from_formatted", call.getFrom());
        body.put("group_sid", null);
        body.put("parent_call_sid", null);
        body.put("phone_number_sid", null);
        body.put("price", null);
        body.put("price_unit", "USD");
        body.put("sid", call.getProviderCallId());
        body.put("start_time", null);
        body.put("status", "queued");
        body.put("subresource_uris", Map.of("notifications", uri.replace(".json", "") + "/Notifications.json",
                "recordings", uri + "/Recordings.json", "events", uri + "/Events.json"));
        body.put("to", call.getTo());
        body.put("to_formatted", call.getTo());
        body.put("trunk_sid", null);
        body.put("uri", uri + ".json");
        body.put("queue_time", "0");
        return body;
    }

    /** Twilio's REST error body. */
    static Response error(int status, int code, String message, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        if (detail != null) {
            body.put("detail", detail);
        }
        body.put("more_info", "https://www.twilio.com/docs/errors/" + code);
        body.put("status", status);
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }

    private static boolean absent(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank();
    }

    static String timestamp(Instant at) {
        return RFC_2822.format(at.atOffset(ZoneOffset.UTC));
    }
}
