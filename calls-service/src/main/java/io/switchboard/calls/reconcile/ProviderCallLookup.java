package io.switchboard.calls.reconcile;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Normalization;
import io.switchboard.calls.webhook.NormalizedEvent;
import io.switchboard.calls.webhook.Normalizers;
import io.switchboard.calls.webhook.Payloads;
import io.switchboard.calls.webhook.VerifiedDelivery;

/**
 * Asks a provider's API where one of its calls stands, and reads the answer with that provider's webhook normalizer:
 * the API's call object is wrapped into the final webhook the provider would have sent (VAPI end-of-call-report,
 * Retell call_ended, ElevenLabs post_call_transcription, Bolna's execution, Twilio's status callback), so a
 * reconciled call ends in the same state, with the same provider event identity, as if that webhook had arrived.
 * Plain JDK HttpClient: the Twilio SDK cannot be pointed at another base URL (a stub, a regional host).
 */
@ApplicationScoped
public class ProviderCallLookup {

    /** Why a lookup gave no final word: the caller leaves the call for a later round. */
    public static final class LookupFailed extends Exception {
        LookupFailed(String message) {
            super(message);
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    public ProviderCallLookup(@ConfigProperty(name = "switchboard.calls.reconcile.timeout", defaultValue = "5s") Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * The provider's final word on the call, as a normalized event; empty while the provider says the call is still
     * going. Throws {@link LookupFailed} for a timeout, a transport error, a non-2xx answer or an unreadable body.
     */
    public Optional<NormalizedEvent> finalEvent(ConnectionCredentials connection, String providerCallId, Instant now)
            throws LookupFailed {
        HttpRequest request = request(connection, providerCallId);
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new LookupFailed(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LookupFailed("interrupted");
        }
        if (response.statusCode() / 100 != 2) {
            throw new LookupFailed("HTTP " + response.statusCode());
        }
        try {
            JsonNode answer = Payloads.object(response.body());
            Optional<Delivery> asWebhook = asWebhook(connection, providerCallId, answer);
            if (asWebhook.isEmpty()) {
                return Optional.empty();
            }
            Normalization normalization = Normalizers.of(connection.provider().wire()).orElseThrow()
                    .normalize(new VerifiedDelivery(connection.tenantId(), connection.id(), connection.provider().wire(),
                            asWebhook.get().subpath(), asWebhook.get().contentType(), asWebhook.get().body(), Map.of(), now));
            if (normalization.ignored() || normalization.event().status() == null
                    || !normalization.event().status().terminal()) {
                return Optional.empty();
            }
            return Optional.of(normalization.event());
        } catch (MalformedPayloadException e) {
            throw new LookupFailed("unreadable answer: " + e.getMessage());
        }
    }

    HttpRequest request(ConnectionCredentials c, String id) {
        String key = c.apiKey();
        String path = encode(id);
        HttpRequest.Builder request = switch (c.provider()) {
            case VAPI -> HttpRequest.newBuilder(uri(c, "https://api.vapi.ai", "/call/" + path))
                    .header("Authorization", "Bearer " + key);
            case RETELL -> HttpRequest.newBuilder(uri(c, "https://api.retellai.com", "/v2/get-call/" + path))
                    .header("Authorization", "Bearer " + key);
            case ELEVENLABS -> HttpRequest.newBuilder(uri(c, "https://api.elevenlabs.io", "/v1/convai/conversations/" + path))
                    .header("xi-api-key", key);
            case BOLNA -> HttpRequest.newBuilder(uri(c, "https://api.bolna.ai", "/executions/" + path))
                    .header("Authorization", "Bearer " + key);
            case TWILIO -> HttpRequest.newBuilder(uri(c, "https://api.twilio.com",
                            "/2010-04-01/Accounts/" + encode(c.accountSid()) + "/Calls/" + path + ".json"))
                    .header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((c.accountSid() + ":" + key).getBytes(StandardCharsets.UTF_8)));
        };
        return request.header("Accept", "application/json").timeout(timeout).GET().build();
    }

    private record Delivery(String subpath, String contentType, byte[] body) {
    }

    /** The provider's answer as the final webhook it would have sent; empty while the call is not over. */
    private static Optional<Delivery> asWebhook(ConnectionCredentials c, String id, JsonNode answer) {
        return switch (c.provider()) {
            case VAPI -> {
                // GET /call/{id}: a Call; the end-of-call-report carries the same fields next to the call
                if (!"ended".equals(Payloads.text(answer, "status"))) {
                    yield Optional.empty();
                }
                ObjectNode message = ((ObjectNode) answer.deepCopy()).put("type", "end-of-call-report");
                message.set("call", answer);
                ObjectNode root = Payloads.JSON.createObjectNode();
                root.set("message", message);
                yield Optional.of(json(root));
            }
            case RETELL -> {
                // GET /v2/get-call/{call_id}: the call object the call_ended webhook carries
                String status = Payloads.text(answer, "call_status");
                if (!"ended".equals(status) && !"error".equals(status)) {
                    yield Optional.empty();
                }
                ObjectNode root = Payloads.JSON.createObjectNode().put("event", "call_ended");
                root.set("call", answer);
                yield Optional.of(json(root));
            }
            case ELEVENLABS -> {
                // GET /v1/convai/conversations/{id}: the conversation post_call_transcription carries as data
                String status = Payloads.text(answer, "status");
                if (!"done".equals(status) && !"failed".equals(status)) {
                    yield Optional.empty();
                }
                ObjectNode root = Payloads.JSON.createObjectNode().put("type", "post_call_transcription");
                root.set("data", answer);
                yield Optional.of(json(root));
            }
            // GET /executions/{id}: the execution object Bolna posts to its webhook, unchanged
            case BOLNA -> Optional.of(json(answer));
            case TWILIO -> {
                // GET .../Calls/{sid}.json: the call resource; its status callback carries these as form fields
                Map<String, String> form = new LinkedHashMap<>();
                form.put("CallSid", first(Payloads.text(answer, "sid"), id));
                form.put("AccountSid", Payloads.text(answer, "account_sid"));
                form.put("CallStatus", Payloads.text(answer, "status"));
                form.put("Direction", Payloads.text(answer, "direction"));
                form.put("From", Payloads.text(answer, "from"));
                form.put("To", Payloads.text(answer, "to"));
                form.put("CallDuration", Payloads.text(answer, "duration"));
                form.put("AnsweredBy", Payloads.text(answer, "answered_by"));
                form.put("Timestamp", first(Payloads.text(answer, "end_time"), Payloads.text(answer, "date_updated")));
                String body = form.entrySet().stream().filter(e -> e.getValue() != null)
                        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                        .collect(Collectors.joining("&"));
                yield Optional.of(new Delivery("status", "application/x-www-form-urlencoded",
                        body.getBytes(StandardCharsets.UTF_8)));
            }
        };
    }

    private static Delivery json(JsonNode root) {
        try {
            return new Delivery("", "application/json", Payloads.JSON.writeValueAsBytes(root));
        } catch (IOException e) {
            throw new MalformedPayloadException(null, "answer cannot be re-serialized");
        }
    }

    private static URI uri(ConnectionCredentials c, String publicBase, String path) {
        String base = c.apiBaseUrl() == null || c.apiBaseUrl().isBlank() ? publicBase : c.apiBaseUrl();
        return URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment == null ? "" : segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String first(String a, String b) {
        return a != null ? a : b;
    }
}
