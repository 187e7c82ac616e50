package io.switchboard.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * JSON over HTTP to one base URL (the gateway, or the simulator), with an optional bearer token. Every failure
 * becomes a {@link DemoException} that says what was asked and what came back (a problem+json's title and detail).
 */
public final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String name;
    private String token;

    public Api(String base, String name) {
        this.base = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.name = name;
    }

    /** A JSON document the platform sent (an SSE event's data). */
    static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DemoException("the progress stream sent something that is not JSON: " + text);
        }
    }

    public String base() {
        return base;
    }

    public void token(String token) {
        this.token = token;
    }

    public JsonNode get(String path) {
        return send("GET", path, BodyPublishers.noBody(), null);
    }

    public JsonNode post(String path, Object body) {
        return send("POST", path, json(body), "application/json");
    }

    public JsonNode put(String path, Object body) {
        return send("PUT", path, json(body), "application/json");
    }

    public JsonNode postText(String path, String body, String contentType) {
        return send("POST", path, BodyPublishers.ofString(body, StandardCharsets.UTF_8), contentType);
    }

    /** The status {@code GET path} answers (without a token), 0 when nothing answers. */
    public int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** {@code GET path} answers 2xx within two seconds. */
    public boolean ready(String path) {
        try {
            HttpResponse<Void> response = http.send(request(path).timeout(Duration.ofSeconds(2)).GET().build(),
                    BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Follows a Server-Sent Events stream, handing each event's data to {@code onData} until it answers false or the
     * server closes the stream. No read timeout: the server sends heartbeats.
     */
    public void stream(String path, Predicate<String> onData) {
        HttpRequest request = request(path).header("Accept", "text/event-stream").GET().build();
        try {
            HttpResponse<java.io.InputStream> response = http.send(request, BodyHandlers.ofInputStream());
            if (response.statusCode() / 100 != 2) {
                String body = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
                throw failure("GET", path, response.statusCode(), body);
            }
            SseEvents events = new SseEvents();
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    var event = events.line(line);
                    if (event.isPresent() && !onData.test(event.get().data())) {
                        return;
                    }
                }
            }
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    private JsonNode send(String method, String path, BodyPublisher body, String contentType) {
        HttpRequest.Builder builder = request(path).timeout(Duration.ofSeconds(60)).method(method, body)
                .header("Accept", "application/json");
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (response.statusCode() / 100 != 2) {
                throw failure(method, path, response.statusCode(), response.body());
            }
            String text = response.body();
            return text == null || text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new DemoException(method + " " + base + path + " answered something that is not JSON");
        } catch (IOException e) {
            throw unreachable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoException("interrupted");
        }
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static BodyPublisher json(Object body) {
        try {
            return BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    Refused failure(String method, String path, int status, String body) {
        return new Refused(status, method + " " + path + " (" + name + ") answered " + status + problem(body));
    }

    /** The server answered, with a status other than 2xx. */
    public static final class Refused extends DemoException {
        private final int status;

        Refused(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** {@code : title: detail [field: message, …]} from a problem+json body, or the start of another body. */
    static String problem(String body) {
        if (body == null || body.isBlank()) {
            return "";
        }
        try {
            JsonNode json = JSON.readTree(body);
            StringBuilder text = new StringBuilder();
            JsonNode errors = json.path("errors");
            boolean listed = errors.isArray() && !errors.isEmpty();
            for (String field : listed ? new String[] {"title"} : new String[] {"title", "detail", "message", "error"}) {
                JsonNode value = json.get(field);
                if (value != null && value.isValueNode() && !value.asText().isBlank()) {
                    text.append(text.isEmpty() ? ": " : " - ").append(value.asText());
                }
            }
            if (listed) {
                text.append(" [");
                for (int i = 0; i < errors.size(); i++) {
                    JsonNode e = errors.get(i);
                    text.append(i == 0 ? "" : ", ").append(e.path("field").asText("?")).append(": ")
                            .append(e.path("message").asText(e.toString()));
                }
                text.append(']');
            }
            return text.isEmpty() ? ": " + oneLine(body) : text.toString();
        } catch (JsonProcessingException e) {
            return ": " + oneLine(body);
        }
    }

    private static String oneLine(String body) {
        String line = body.replaceAll("\\s+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private DemoException unreachable(IOException e) {
        String why = e instanceof ConnectException ? "connection refused"
                : e instanceof HttpConnectTimeoutException ? "connect timed out"
                : e instanceof HttpTimeoutException ? "no answer in time"
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        return new DemoException("cannot reach the " + name + " at " + base + " (" + why + ")");
    }
}
