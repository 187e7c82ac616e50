package io.switchboard.calls.outbound;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The create-call endpoints of the JSON providers (docs/outbound.md has the bodies), for the Quarkus REST client.
 * Built per base URL by {@link ProviderClients}: the connection's {@code api_base_url} or the provider's public host.
 * Bodies go as JSON text and answers come back as {@link Response} whatever the status, so the adapter reads the
 * status line and Retry-After itself.
 */
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public interface ProviderApi {

    /** VAPI and Bolna: {@code POST /call} with a bearer key. */
    @POST
    @Path("/call")
    Response postCall(@HeaderParam("Authorization") String authorization, String body);

    /** Retell: {@code POST /v2/create-phone-call} with a bearer key. */
    @POST
    @Path("/v2/create-phone-call")
    Response retellCreatePhoneCall(@HeaderParam("Authorization") String authorization, String body);

    /** ElevenLabs Agents through its Twilio integration: {@code POST /v1/convai/twilio/outbound-call}. */
    @POST
    @Path("/v1/convai/twilio/outbound-call")
    Response elevenLabsOutboundCall(@HeaderParam("xi-api-key") String apiKey, String body);
}
