package io.switchboard.calls.webhook;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.switchboard.calls.connection.PublicBaseUrl;
import io.vertx.core.http.HttpServerRequest;

/**
 * The providers' way in. No Switchboard token here (the gateway passes {@code /webhooks/**} unauthenticated and the
 * platform never reads a token on these paths): each delivery authenticates with its connection's secret.
 */
@Path("/webhooks")
@Tag(name = "Provider webhooks", description = "Called by the providers, authenticated by their signatures, not by a token")
public class WebhookResource {

    static final String FORM = "application/x-www-form-urlencoded";
    static final String ANSWER_EXAMPLE = """
            {"deliveryId":"3f2b1c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d","result":"accepted","callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}""";
    static final String TWILIO_VOICE_EXAMPLE = "CallSid=CA5f2c8e1d9b7a4c3e2f1a0b9c8d7e6f5a&AccountSid=AC1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a"
            + "&From=%2B14155550123&To=%2B12125550100&CallStatus=ringing&Direction=inbound&ApiVersion=2010-04-01";
    static final String TWILIO_FALLBACK_EXAMPLE = "CallSid=CA5f2c8e1d9b7a4c3e2f1a0b9c8d7e6f5a"
            + "&AccountSid=AC1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a&From=%2B14155550123&To=%2B12125550100&CallStatus=in-progress"
            + "&Direction=inbound&DialCallStatus=no-answer&DialCallSid=CA9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b";
    static final String TWIML_TEAM_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><Response><Dial action="https://switchboard.example.com/webhooks/twilio/\
            0b8f5a7e-2c1d-4e3f-9a8b-7c6d5e4f3a21/voice/fallback" method="POST" timeout="20"><Number>+12125550199</Number>\
            </Dial></Response>""";
    static final String TWIML_AGENT_EXAMPLE = """
            <?xml version="1.0" encoding="UTF-8"?><Response><Dial><Sip>sip:ava@sip.vapi.ai</Sip></Dial></Response>""";

    private final WebhookIntake intake;
    private final PublicBaseUrl publicBaseUrl;
    private final WebhookConfig config;

    public WebhookResource(WebhookIntake intake, PublicBaseUrl publicBaseUrl, WebhookConfig config) {
        this.intake = intake;
        this.publicBaseUrl = publicBaseUrl;
        this.config = config;
    }

    @POST
    @Path("/{provider}/{connectionId}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A VAPI, Retell, ElevenLabs or Bolna webhook",
            description = "Verified against the connection's secret before anything is stored (VAPI X-Vapi-Secret, Bearer or "
                    + "X-Vapi-Signature; Retell X-Retell-Signature; ElevenLabs ElevenLabs-Signature; Bolna bearer token and/or "
                    + "source IP). 200 applied or duplicate, 202 ignored event type, 400 malformed, 401 not authentic, "
                    + "404 unknown or disabled connection, 413 too large.")
    @RequestBody(content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "vapi status-update", value = """
            {"message":{"type":"status-update","status":"in-progress","timestamp":1763803200000,
             "call":{"id":"c2a1b3d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d","type":"outboundPhoneCall","assistantId":"asst_ava",
                     "customer":{"number":"+14155550123"},"phoneNumber":{"number":"+12125550100"}}}}""")))
    @APIResponse(responseCode = "200", description = "applied to a call, or a duplicate of one that was",
            content = @Content(mediaType = "application/json", examples = @ExampleObject(name = "accepted", value = ANSWER_EXAMPLE)))
    @APIResponse(responseCode = "401", description = "the signature or token does not verify; nothing was stored")
    public Response receive(@Parameter(example = "vapi") @PathParam("provider") String provider,
            @PathParam("connectionId") String connectionId, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        return intake.receive(provider, connectionId, "", inbound(body, headers, http), http.path());
    }

    @POST
    @Path("/twilio/{connectionId}/{callback: voice|status}")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A Twilio voice or status callback",
            description = "Form-encoded, verified with X-Twilio-Signature against the public URL Twilio requested. "
                    + "The voice callback answers TwiML (an inbound call to one of the tenant's numbers: the routing decision, "
                    + "docs/inbound-routing.md); the status callback answers the delivery's JSON.")
    @RequestBody(content = @Content(mediaType = FORM, examples = @ExampleObject(name = "inbound voice", value = TWILIO_VOICE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "voice: TwiML; status: what became of the delivery", content = {
            @Content(mediaType = "application/xml", examples = {
                    @ExampleObject(name = "transferred to the team", value = TWIML_TEAM_EXAMPLE),
                    @ExampleObject(name = "straight to the agent", value = TWIML_AGENT_EXAMPLE),
                    @ExampleObject(name = "refused", value = """
                            <?xml version="1.0" encoding="UTF-8"?><Response><Say>Sorry, this number is not in service.</Say>\
                            <Hangup/></Response>""") }),
            @Content(mediaType = "application/json", examples = @ExampleObject(name = "status applied", value = ANSWER_EXAMPLE)) })
    @APIResponse(responseCode = "401", description = "the signature does not verify; nothing was stored")
    public Response receiveTwilio(@PathParam("connectionId") String connectionId,
            @Parameter(example = "status") @PathParam("callback") String callback, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        return intake.receive("twilio", connectionId, callback, inbound(body, headers, http), http.path());
    }

    @POST
    @Path("/twilio/{connectionId}/voice/fallback")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Twilio's team-dial action callback (inbound routing)",
            description = "Posted by Twilio when the <Dial> to a number's team ends; verified with X-Twilio-Signature like the "
                    + "voice callback. DialCallStatus no-answer, busy or failed connects the caller to the agent (TwiML); "
                    + "any other status answers an empty TwiML Response. See docs/inbound-routing.md.")
    @RequestBody(content = @Content(mediaType = FORM, examples = @ExampleObject(name = "team did not answer",
            value = TWILIO_FALLBACK_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "TwiML", content = @Content(mediaType = "application/xml", examples = {
            @ExampleObject(name = "connect the agent", value = TWIML_AGENT_EXAMPLE),
            @ExampleObject(name = "the team answered: nothing more", value = """
                    <?xml version="1.0" encoding="UTF-8"?><Response/>""") }))
    @APIResponse(responseCode = "401", description = "the signature does not verify; nothing was stored")
    public Response receiveTwilioFallback(@PathParam("connectionId") String connectionId, byte[] body,
            @Context HttpHeaders headers, @Context HttpServerRequest http) {
        return intake.receive("twilio", connectionId, "voice/fallback", inbound(body, headers, http), http.path());
    }

    private InboundWebhook inbound(byte[] body, HttpHeaders headers, HttpServerRequest http) {
        Map<String, String> lower = new LinkedHashMap<>();
        headers.getRequestHeaders().forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String query = http.query();
        String url = publicBaseUrl.of(http.path() + (query == null || query.isEmpty() ? "" : "?" + query));
        MediaType type = headers.getMediaType();
        return new InboundWebhook(url, type == null ? null : type.toString(), body == null ? new byte[0] : body, Map.copyOf(lower),
                clientIp(lower.get("x-forwarded-for"), http));
    }

    /**
     * The provider's address: the gateway sets X-Forwarded-For, appending its own peer; counted from the right past
     * the trusted hops, since anything further left was written by the client and proves nothing.
     */
    private String clientIp(String forwardedFor, HttpServerRequest http) {
        if (forwardedFor != null && !forwardedFor.isBlank()) {
            List<String> chain = Arrays.stream(forwardedFor.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            int index = chain.size() - 1 - config.trustedForwardedHops();
            if (index >= 0) {
                return chain.get(index);
            }
        }
        return http.connection() == null || http.connection().remoteAddress() == null ? null
                : http.connection().remoteAddress().hostAddress();
    }
}
