package io.switchboard.calls.sms;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.connection.ConnectionService;
import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.connection.PublicBaseUrl;
import io.switchboard.calls.webhook.InboundWebhook;
import io.switchboard.calls.webhook.TwilioSignature;
import io.switchboard.calls.webhook.Verdict;
import io.switchboard.calls.webhook.WebhookAuthenticator;
import io.switchboard.platform.problem.Problems;
import io.switchboard.platform.tenant.TenantScope;
import io.vertx.core.http.HttpServerRequest;

/**
 * Twilio's message status callback for post-call SMS, verified with X-Twilio-Signature exactly as the voice
 * callbacks are (the connection's auth token, the public URL Twilio requested). Idempotent: a status only moves
 * forward, a repeated one changes nothing.
 */
@Path("/webhooks/twilio/{connectionId}/sms-status")
@Tag(name = "Webhooks")
public class SmsStatusWebhookResource {

    private final ConnectionService connections;
    private final WebhookAuthenticator authenticator;
    private final PublicBaseUrl publicBaseUrl;
    private final SmsStatusUpdates updates;

    public SmsStatusWebhookResource(ConnectionService connections, WebhookAuthenticator authenticator, PublicBaseUrl publicBaseUrl,
            SmsStatusUpdates updates) {
        this.connections = connections;
        this.authenticator = authenticator;
        this.publicBaseUrl = publicBaseUrl;
        this.updates = updates;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "A Twilio SMS status callback", description = "Form-encoded (MessageSid, MessageStatus, ErrorCode), "
            + "verified with X-Twilio-Signature. Updates the post-call SMS's status; failed or undelivered publishes sms.failed. "
            + "200 applied or nothing to change, 401 not authentic, 404 unknown or disabled connection.")
    @RequestBody(content = @Content(mediaType = "application/x-www-form-urlencoded", examples = @ExampleObject(name = "delivered",
            value = "MessageSid=SM0a1b2c3d4e5f60718293a4b5c6d7e8f9&MessageStatus=delivered&AccountSid=AC1d2c3b4a5f6e7d8c9b0a1f2e3d4c5b6a"
                    + "&To=%2B14155550123&From=%2B12125550100")))
    @APIResponse(responseCode = "200", description = "applied, or nothing to change (no body)", content = @Content(
            mediaType = "text/plain", examples = @ExampleObject(name = "empty", value = "")))
    @APIResponse(responseCode = "401", description = "the signature does not verify; nothing changed")
    public Response status(@PathParam("connectionId") String connectionSegment, byte[] body, @Context HttpHeaders headers,
            @Context HttpServerRequest http) {
        UUID connectionId = uuid(connectionSegment);
        Optional<UUID> tenant = connectionId == null ? Optional.empty()
                : QuarkusTransaction.requiringNew().call(() -> connections.tenantOf(connectionId));
        if (tenant.isEmpty()) {
            return notFound(http.path());
        }
        byte[] payload = body == null ? new byte[0] : body;
        return TenantScope.call(tenant.get(), () -> {
            Optional<ConnectionCredentials> found = QuarkusTransaction.requiringNew()
                    .call(() -> connections.credentials(tenant.get(), connectionId));
            if (found.isEmpty() || !found.get().enabled() || found.get().provider() != Provider.TWILIO) {
                return notFound(http.path());
            }
            Map<String, String> lower = new LinkedHashMap<>();
            headers.getRequestHeaders().forEach((name, values) -> lower.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
            String query = http.query();
            MediaType type = headers.getMediaType();
            InboundWebhook webhook = new InboundWebhook(publicBaseUrl.of(http.path() + (query == null || query.isEmpty() ? "" : "?" + query)),
                    type == null ? null : type.toString(), payload, Map.copyOf(lower), null);
            Verdict verdict = authenticator.verify(found.get(), webhook, Instant.now());
            if (!verdict.authentic()) {
                return Problems.response(401, "unauthorized", "Unauthorized", "the Twilio signature does not verify ("
                        + verdict.reason() + ")", http.path(), List.of());
            }
            Map<String, String> form = TwilioSignature.formParameters(new String(payload, StandardCharsets.UTF_8));
            String sid = form.get("MessageSid");
            String status = form.get("MessageStatus");
            if (sid != null && status != null) {
                QuarkusTransaction.requiringNew().run(() -> updates.apply(tenant.get(), sid, status.toLowerCase(Locale.ROOT),
                        form.get("ErrorCode")));
            }
            return Response.ok().build();
        });
    }

    private static Response notFound(String path) {
        return Problems.response(404, "not-found", "Not Found", "no resource at " + path, path, List.of());
    }

    private static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
