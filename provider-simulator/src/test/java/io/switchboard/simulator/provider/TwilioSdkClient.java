package io.switchboard.simulator.provider;

import com.twilio.http.NetworkHttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;

/** The Twilio SDK talking to the simulator instead of api.twilio.com, as our Twilio adapter does with api_base_url. */
final class TwilioSdkClient extends NetworkHttpClient {

    private final String base;

    private TwilioSdkClient(String base) {
        this.base = base;
    }

    static TwilioRestClient of(String base, String accountSid, String password) {
        return new TwilioRestClient.Builder(accountSid, password).accountSid(accountSid).httpClient(new TwilioSdkClient(base)).build();
    }

    @Override
    public Response makeRequest(Request request) {
        Request moved = new Request(request.getMethod(), request.getUrl().replace("https://api.twilio.com", base));
        moved.setAuth(request.getUsername(), request.getPassword());
        request.getPostParams().forEach((k, values) -> values.forEach(v -> moved.addPostParam(k, v)));
        request.getHeaderParams().forEach((k, values) -> values.forEach(v -> moved.addHeaderParam(k, v)));
        if (request.getContentType() != null) {
            moved.setContentType(request.getContentType());
        }
        return super.makeRequest(moved);
    }
}
