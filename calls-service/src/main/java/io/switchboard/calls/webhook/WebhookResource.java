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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
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
    @APIResponse(responseCode = "200", description = "applied to a call, or a duplicate of one that was")
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
                    + "The voice callback answers TwiML.")
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
    @APIResponse(responseCode = "200", description = "TwiML")
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
