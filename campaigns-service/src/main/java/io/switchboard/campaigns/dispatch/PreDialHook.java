package io.switchboard.campaigns.dispatch;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks a campaign's pre-dial hook whether to dial (docs/dispatcher.md "Pre-dial hook"): a POST of a JSON body signed
 * with HMAC-SHA256 over {@code "<timestamp>.<body>"} with the campaign's hook secret, headers
 * {@code X-Switchboard-Timestamp} (Unix seconds) and {@code X-Switchboard-Signature: v1=<hex>}. A 2xx answer
 * {@code {"dial": true|false, "reason": "..."}} decides; anything else (timeout, refused connection, other status,
 * unreadable body) is {@code unavailable} and the campaign's fail-open setting decides. The JDK client: the URL and
 * the timeout are per campaign and per request, which a declarative REST client interface cannot carry.
 */
@ApplicationScoped
public class PreDialHook {

    public static final String TIMESTAMP_HEADER = "X-Switchboard-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Switchboard-Signature";
    private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

    /** yes / no / unavailable, with what the decision record shows (never the secret, never the body). */
    public record Answer(String answer, Integer status, String reason, long millis) {
        public static final String YES = "yes";
        public static final String NO = "no";
        public static final String UNAVAILABLE = "unavailable";

        Map<String, Object> describe() {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("answer", answer);
            out.put("status", status);
            out.put("reason", reason);
            out.put("millis", millis);
            return out;
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final ObjectMapper json;
    private final boolean allowLocalHttp;

    public PreDialHook(ObjectMapper json, DispatcherConfig config) {
        this.json = json;
        this.allowLocalHttp = config.hookAllowLocalHttp();
    }

    public Answer ask(String url, String secret, Duration timeout, Map<String, Object> body, Instant now) {
        long started = System.nanoTime();
        try {
            URI uri = URI.create(url);
            if (secret == null || secret.isEmpty()) {
                return new Answer(Answer.UNAVAILABLE, null, "hook secret missing", 0);
            }
            if (!allowed(uri)) {
                return new Answer(Answer.UNAVAILABLE, null, "hook url must be https", 0);
            }
            String payload = json.writeValueAsString(body);
            String timestamp = Long.toString(now.getEpochSecond());
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header(TIMESTAMP_HEADER, timestamp)
                    .header(SIGNATURE_HEADER, "v1=" + sign(secret, timestamp, payload))
                    .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() / 100 != 2) {
                return new Answer(Answer.UNAVAILABLE, response.statusCode(), "status " + response.statusCode(), millis);
            }
            JsonNode answer = json.readTree(response.body());
            JsonNode dial = answer == null ? null : answer.get("dial");
            if (dial == null || !dial.isBoolean()) {
                return new Answer(Answer.UNAVAILABLE, response.statusCode(), "answer without a boolean \"dial\"", millis);
            }
            String reason = answer.hasNonNull("reason") ? truncate(answer.get("reason").asText()) : null;
            return new Answer(dial.booleanValue() ? Answer.YES : Answer.NO, response.statusCode(), reason, millis);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Answer(Answer.UNAVAILABLE, null, "timeout", (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(Answer.UNAVAILABLE, null, "interrupted", (System.nanoTime() - started) / 1_000_000);
        } catch (JsonProcessingException e) {
            return new Answer(Answer.UNAVAILABLE, null, "unreadable answer", (System.nanoTime() - started) / 1_000_000);
        } catch (java.io.IOException | IllegalArgumentException e) {
            return new Answer(Answer.UNAVAILABLE, null, "unreachable: " + e.getClass().getSimpleName(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }

    /** Hex HMAC-SHA256 of {@code "<timestamp>.<body>"}: what a tenant recomputes to trust the request. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    private boolean allowed(URI uri) {
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return true;
        }
        return allowLocalHttp && "http".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                && LOCAL_HOSTS.contains(uri.getHost());
    }

    private static String truncate(String reason) {
        return reason.length() > 200 ? reason.substring(0, 200) : reason;
    }
}
