package io.switchboard.calls.sms;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.client.config.RequestConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;

import io.switchboard.calls.connection.ConnectionCredentials;

/**
 * Sends one SMS with the Twilio SDK's messaging API ({@code Message.creator}) as the tenant's Twilio connection
 * (account SID + auth token), at the connection's {@code apiBaseUrl} when it has one (a regional host, a test stub).
 * Exactly one HTTP request: the SDK's own retry on 5xx could send a message twice.
 */
@ApplicationScoped
public class TwilioMessaging {

    static final String TWILIO_API = "https://api.twilio.com";

    /** What Twilio answered: a SID and its first status, or an error. */
    public record Outcome(boolean accepted, String sid, String status, String errorCode, String errorMessage) {
    }

    private final Duration timeout;

    public TwilioMessaging(@ConfigProperty(name = "switchboard.calls.sms.timeout") Duration timeout) {
        this.timeout = timeout;
    }

    public Outcome send(ConnectionCredentials c, String from, String to, String body, URI statusCallback) {
        if (c.accountSid() == null || c.apiKey() == null) {
            return new Outcome(false, null, null, "no_credentials", "the Twilio connection has no account SID or auth token");
        }
        TwilioRestClient client = new TwilioRestClient.Builder(c.accountSid(), c.apiKey())
                .httpClient(new OnceAt(c.apiBaseUrl(), timeout)).build();
        try {
            Message message = Message.creator(new PhoneNumber(to), new PhoneNumber(from), body)
                    .setStatusCallback(statusCallback).create(client);
            return new Outcome(true, message.getSid(), message.getStatus() == null ? "queued" : message.getStatus().toString(),
                    null, null);
        } catch (ApiException e) {
            return new Outcome(false, null, null, e.getCode() == null ? String.valueOf(e.getStatusCode()) : e.getCode().toString(),
                    e.getMessage());
        } catch (TwilioException e) {
            return new Outcome(false, null, null, "unreachable", "Twilio could not be reached: " + e.getClass().getSimpleName());
        } catch (RuntimeException e) {
            // the row is already claimed: whatever went wrong, it is recorded as failed rather than left sending
            return new Outcome(false, null, null, "client_error", "the message could not be sent: " + e.getClass().getSimpleName());
        }
    }

    /** The SDK's HTTP client, sending each request once, to another base URL if the connection names one. */
    static final class OnceAt extends HttpClient {

        private final String baseUrl;
        private final NetworkHttpClient network;

        OnceAt(String baseUrl, Duration timeout) {
            this.baseUrl = baseUrl;
            int millis = (int) timeout.toMillis();
            this.network = new NetworkHttpClient(RequestConfig.custom().setConnectTimeout(millis).setSocketTimeout(millis)
                    .setConnectionRequestTimeout(millis).build());
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            return network.makeRequest(baseUrl == null ? request : rebased(request));
        }

        private Request rebased(Request original) {
            String url = original.constructURL().toString();
            String path = url.startsWith(TWILIO_API) ? url.substring(TWILIO_API.length()) : URI.create(url).getRawPath();
            Request copy = new Request(original.getMethod(), baseUrl + path);
            copy(original.getPostParams(), copy::addPostParam);
            copy(original.getHeaderParams(), copy::addHeaderParam);
            if (original.getAuthStrategy() != null) {
                copy.setAuth(original.getAuthStrategy());
            } else if (original.getUsername() != null) {
                copy.setAuth(original.getUsername(), original.getPassword());
            }
            return copy;
        }

        private static void copy(Map<String, List<String>> params, java.util.function.BiConsumer<String, String> add) {
            params.forEach((name, values) -> values.forEach(v -> add.accept(name, v)));
        }
    }
}
