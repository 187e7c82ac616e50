package io.switchboard.calls.outbound;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.http.Header;
import org.apache.http.client.config.RequestConfig;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import com.twilio.http.HttpClient;
import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.rest.api.v2010.account.CallCreator;
import com.twilio.type.PhoneNumber;

import io.switchboard.calls.connection.Provider;

/**
 * Twilio's Calls API through the Twilio SDK ({@code Call.creator}). The agent's provider id is what the call is
 * connected to: a TwiML application ({@code AP…}) or a TwiML URL. Twilio echoes no metadata, so the status callback
 * reports only ringing, answered and completed (not {@code initiated}, which could outrun our recording of the
 * call SID), and {@link OutboundCalls#recordAccepted} adopts a call an early callback created anyway.
 *
 * The SDK always talks to {@code https://api.twilio.com}; {@link BaseUrlHttpClient} sends its requests to the
 * connection's {@code api_base_url} instead (tests, the simulator) and takes the SDK's own retries away, so the
 * connection's guard alone decides what is repeated.
 */
@ApplicationScoped
public class TwilioAdapter implements ProviderAdapter {

    static final String PUBLIC_BASE = "https://api.twilio.com";
    static final List<String> STATUS_EVENTS = List.of("ringing", "answered", "completed");

    private final OutboundConfig config;
    private final Map<String, HttpClient> httpClients = new ConcurrentHashMap<>();

    public TwilioAdapter(OutboundConfig config) {
        this.config = config;
    }

    @Override
    public Provider provider() {
        return Provider.TWILIO;
    }

    @Override
    public String dial(ProviderDial dial) {
        String base = ProviderClients.baseUrl(dial.connection(), PUBLIC_BASE);
        TwilioRestClient client = new TwilioRestClient.Builder(dial.connection().accountSid(), dial.connection().apiKey())
                .accountSid(dial.connection().accountSid())
                .httpClient(httpClients.computeIfAbsent(base, this::httpClient))
                .build();
        PhoneNumber to = new PhoneNumber(dial.toNumber());
        PhoneNumber from = new PhoneNumber(dial.fromNumber());
        String target = dial.providerAgentId();
        CallCreator creator = target.startsWith("http://") || target.startsWith("https://")
                ? Call.creator(to, from, URI.create(target))
                : Call.creator(to, from, target);
        creator.setStatusCallback(URI.create(dial.statusCallbackUrl()))
                .setStatusCallbackEvent(STATUS_EVENTS);
        try {
            Call call = creator.create(client);
            if (call.getSid() == null || call.getSid().isBlank()) {
                throw new DialFailure.OutcomeUnknown("twilio accepted the call but named no sid", null);
            }
            return call.getSid();
        } catch (ApiException e) {
            // an answer the SDK could not turn into a Call: our client raised DialFailure for every non-2xx already
            throw new DialFailure.OutcomeUnknown("twilio: " + e.getMessage(), e);
        }
    }

    private HttpClient httpClient(String base) {
        int timeout = (int) config.requestTimeout().toMillis();
        RequestConfig requestConfig = RequestConfig.custom()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setConnectionRequestTimeout(timeout)
                .setSocketTimeout(timeout)
                .build();
        return new BaseUrlHttpClient(new NetworkHttpClient(requestConfig), base);
    }

    /** The SDK's requests to another base URL, once each, with non-2xx answers turned into {@link DialFailure}s. */
    static final class BaseUrlHttpClient extends HttpClient {
        private final NetworkHttpClient delegate;
        private final String base;

        BaseUrlHttpClient(NetworkHttpClient delegate, String base) {
            this.delegate = delegate;
            this.base = base;
        }

        @Override
        public Response reliableRequest(Request request) {
            return makeRequest(request); // no SDK-level retries: ConnectionGuards decides
        }

        @Override
        public Response reliableRequest(Request request, int[] retryCodes, int retries, long delayMillis) {
            return makeRequest(request);
        }

        @Override
        public Response makeRequest(Request request) {
            Request moved = new Request(request.getMethod(), rebase(request.getUrl()));
            if (request.getAuthStrategy() != null) {
                moved.setAuth(request.getAuthStrategy());
            } else if (request.getUsername() != null) {
                moved.setAuth(request.getUsername(), request.getPassword());
            }
            request.getPostParams().forEach((k, values) -> values.forEach(v -> moved.addPostParam(k, v)));
            request.getQueryParams().forEach((k, values) -> values.forEach(v -> moved.addQueryParam(k, v)));
            request.getHeaderParams().forEach((k, values) -> values.forEach(v -> moved.addHeaderParam(k, v)));
            if (request.getContentType() != null) {
                moved.setContentType(request.getContentType());
            }
            if (request.getBody() != null) {
                moved.setBody(request.getBody());
            }
            Response response;
            try {
                response = delegate.makeRequest(moved);
            } catch (ApiConnectionException e) {
                throw ProviderClients.transportFailure(e);
            }
            int status = response.getStatusCode();
            if (status / 100 != 2) {
                throw DialFailure.forStatus(status, header(response, "Retry-After"),
                        ProviderClients.errorDetail(response.getContent()));
            }
            return response;
        }

        private String rebase(String url) {
            return url.startsWith(PUBLIC_BASE) ? base + url.substring(PUBLIC_BASE.length()) : url;
        }

        private static String header(Response response, String name) {
            Header[] headers = response.getHeaders();
            if (headers == null) {
                return null;
            }
            for (Header header : headers) {
                if (header.getName().equalsIgnoreCase(name)) {
                    return header.getValue();
                }
            }
            return null;
        }
    }
}
