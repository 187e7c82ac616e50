package io.switchboard.calls.outbound;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.switchboard.calls.connection.ConnectionCredentials;
import io.switchboard.calls.webhook.MalformedPayloadException;
import io.switchboard.calls.webhook.Payloads;

/**
 * Quarkus REST clients for the JSON providers, one per base URL (a connection's {@code api_base_url} — a regional
 * host, the provider simulator, a test's WireMock — or the provider's public host), and the one reading of their
 * answers every JSON adapter shares: 2xx → the body, anything else → the {@link DialFailure} its status means.
 */
@ApplicationScoped
public class ProviderClients {

    private final OutboundConfig config;
    private final Map<String, ProviderApi> clients = new ConcurrentHashMap<>();

    public ProviderClients(OutboundConfig config) {
        this.config = config;
    }

    /** The connection's base URL, else the provider's public one, without a trailing slash. */
    static String baseUrl(ConnectionCredentials connection, String publicBase) {
        String base = connection.apiBaseUrl() == null || connection.apiBaseUrl().isBlank() ? publicBase : connection.apiBaseUrl().trim();
        return base.replaceAll("/+$", "");
    }

    /** Sends one request through the client for {@code baseUrl} and returns the provider's JSON answer. */
    public JsonNode send(String baseUrl, Function<ProviderApi, Response> request) {
        ProviderApi api = clients.computeIfAbsent(baseUrl, this::build);
        Response answered;
        try {
            answered = request.apply(api);
        } catch (WebApplicationException e) {
            answered = e.getResponse();
        } catch (ProcessingException e) {
            throw transportFailure(e);
        }
        try (Response response = answered) {
            String body = response.hasEntity() ? response.readEntity(String.class) : "";
            int status = response.getStatus();
            if (status / 100 != 2) {
                throw DialFailure.forStatus(status, response.getHeaderString("Retry-After"), errorDetail(body));
            }
            try {
                return Payloads.object(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (MalformedPayloadException e) {
                // accepted, but we cannot read which call it made: it may exist
                throw new DialFailure.OutcomeUnknown("HTTP " + status + " with an unreadable body", e);
            }
        } catch (ProcessingException e) {
            throw new DialFailure.OutcomeUnknown("answer cut off: " + e.getMessage(), e);
        }
    }

    private ProviderApi build(String baseUrl) {
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.requestTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .disableDefaultMapper(true)
                .build(ProviderApi.class);
    }

    /** A refused or unresolvable connection sent nothing and may be retried; anything later may have made a call. */
    static DialFailure transportFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
                return new DialFailure.Retryable("no connection: " + t.getClass().getSimpleName(), null, e);
            }
        }
        String kind = e.getCause() instanceof IOException io ? io.getClass().getSimpleName() : e.getClass().getSimpleName();
        return new DialFailure.OutcomeUnknown("request sent, no answer: " + kind, e);
    }

    /** A short, secret-free detail from a provider's error body (its message field), for the call.failed event. */
    static String errorDetail(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            JsonNode json = Payloads.object(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            for (String field : new String[] {"message", "error", "detail"}) {
                JsonNode value = json.get(field);
                if (value != null && !value.isNull()) {
                    String text = value.isTextual() ? value.asText() : value.toString();
                    return text.length() > 300 ? text.substring(0, 300) : text;
                }
            }
        } catch (MalformedPayloadException notJson) {
            // not JSON: nothing worth repeating
        }
        return null;
    }
}
