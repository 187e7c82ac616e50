package io.switchboard.calls.function;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Calls a custom function's endpoint once, for a test invoke: only the configured URL (redirects are not followed),
 * within the tool's timeout capped by {@code switchboard.calls.functions.max-timeout}, reading at most
 * {@code max-response-bytes}. Every failure is a result, never an exception.
 */
@ApplicationScoped
public class FunctionInvoker {

    private final Duration maxTimeout;
    private final int maxResponseBytes;
    private final int previewBytes;
    private final ObjectMapper json;

    public FunctionInvoker(@ConfigProperty(name = "switchboard.calls.functions.max-timeout") Duration maxTimeout,
            @ConfigProperty(name = "switchboard.calls.functions.max-response-bytes") int maxResponseBytes,
            @ConfigProperty(name = "switchboard.calls.functions.body-preview-bytes") int previewBytes, ObjectMapper json) {
        this.maxTimeout = maxTimeout;
        this.maxResponseBytes = maxResponseBytes;
        this.previewBytes = previewBytes;
        this.json = json;
    }

    /** @param auth the decrypted auth configuration, or empty; its values are masked in the returned body */
    public TestInvokeResult invoke(CustomFunction f, Map<String, String> auth, Map<String, Object> arguments) {
        Duration timeout = Duration.ofSeconds(f.timeoutSeconds).compareTo(maxTimeout) < 0 ? Duration.ofSeconds(f.timeoutSeconds) : maxTimeout;
        long started = System.nanoTime();
        HttpRequest request;
        try {
            request = request(f, auth, arguments, timeout);
        } catch (IllegalArgumentException | JsonProcessingException e) {
            return new TestInvokeResult(false, null, 0, null, false, "invalid_request", "the request could not be built: "
                    + e.getClass().getSimpleName());
        }
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        CompletableFuture<HttpResponse<InputStream>> sent = client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream());
        try {
            HttpResponse<InputStream> response = sent.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            long remaining = timeout.toMillis() - elapsed(started);
            CompletableFuture<byte[]> reading = CompletableFuture.supplyAsync(() -> readAtMost(response.body(), maxResponseBytes + 1));
            byte[] body;
            try {
                body = reading.get(Math.max(remaining, 1), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                close(response.body());
                return new TestInvokeResult(false, response.statusCode(), elapsed(started), null, false, "timeout",
                        "the answer did not arrive within " + timeout.toSeconds() + "s");
            }
            long latency = elapsed(started);
            boolean oversized = body.length > maxResponseBytes;
            String preview = mask(new String(body, 0, Math.min(body.length, previewBytes), StandardCharsets.UTF_8), auth);
            boolean truncated = body.length > previewBytes;
            if (oversized) {
                return new TestInvokeResult(false, response.statusCode(), latency, preview, true, "oversized",
                        "the answer is larger than " + maxResponseBytes + " bytes");
            }
            boolean success = response.statusCode() >= 200 && response.statusCode() < 300;
            return new TestInvokeResult(success, response.statusCode(), latency, preview, truncated,
                    success ? null : "http_error", success ? null : "the tool answered HTTP " + response.statusCode());
        } catch (TimeoutException e) {
            sent.cancel(true);
            return new TestInvokeResult(false, null, elapsed(started), null, false, "timeout",
                    "no answer within " + timeout.toSeconds() + "s");
        } catch (ExecutionException e) {
            return failure(e.getCause(), elapsed(started), timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new TestInvokeResult(false, null, elapsed(started), null, false, "interrupted", "the test invoke was interrupted");
        }
    }

    private HttpRequest request(CustomFunction f, Map<String, String> auth, Map<String, Object> arguments, Duration timeout)
            throws JsonProcessingException {
        boolean inQuery = "GET".equals(f.method) || "DELETE".equals(f.method);
        String url = f.endpoint;
        if (inQuery && arguments != null && !arguments.isEmpty()) {
            StringJoiner query = new StringJoiner("&");
            arguments.forEach((k, v) -> query.add(encode(k) + "=" + encode(v instanceof String s ? s : String.valueOf(v))));
            url = url + (url.contains("?") ? "&" : "?") + query;
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(timeout).header("Accept", "application/json");
        f.headers.forEach(b::header);
        switch (f.authType) {
            case "api_key" -> b.header(auth.getOrDefault("headerName", "X-Api-Key"), auth.get("key"));
            case "bearer" -> b.header("Authorization", "Bearer " + auth.get("token"));
            case "basic" -> b.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    (auth.get("username") + ":" + auth.get("password")).getBytes(StandardCharsets.UTF_8)));
            default -> {
            }
        }
        if (inQuery) {
            return b.method(f.method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return b.header("Content-Type", "application/json")
                .method(f.method, HttpRequest.BodyPublishers.ofString(json.writeValueAsString(arguments == null ? Map.of() : arguments)))
                .build();
    }

    private static TestInvokeResult failure(Throwable cause, long latency, Duration timeout) {
        if (cause instanceof HttpConnectTimeoutException || cause instanceof HttpTimeoutException) {
            return new TestInvokeResult(false, null, latency, null, false, "timeout", "no answer within " + timeout.toSeconds() + "s");
        }
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return new TestInvokeResult(false, null, latency, null, false, "connection_refused",
                        "the endpoint refused the connection");
            }
        }
        return new TestInvokeResult(false, null, latency, null, false, "connection_failed",
                "the endpoint could not be reached (" + (cause == null ? "unknown" : cause.getClass().getSimpleName()) + ")");
    }

    private static byte[] readAtMost(InputStream in, int max) {
        try (in) {
            return in.readNBytes(max);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static void close(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // the connection is being abandoned anyway
        }
    }

    /** A tool that echoes its credentials must not hand them to the caller of the test. */
    static String mask(String body, Map<String, String> auth) {
        String masked = body;
        Collection<String> secrets = auth.values();
        for (String secret : secrets) {
            if (secret != null && secret.length() >= 4) {
                masked = masked.replace(secret, "****");
            }
        }
        return masked;
    }

    private static long elapsed(long startedNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
