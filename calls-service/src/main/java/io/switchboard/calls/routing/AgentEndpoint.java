package io.switchboard.calls.routing;

import java.util.Optional;
import java.util.regex.Pattern;

import io.switchboard.calls.connection.Provider;

/**
 * How Twilio reaches an agent from a live inbound call, by Twilio's documented TwiML: a SIP URI the agent's platform
 * answers ({@code <Dial><Sip>}, the way VAPI, Retell, ElevenLabs and Bolna take calls from a tenant's own Twilio
 * number) or, for an agent that is itself a Twilio TwiML application, that application ({@code <Dial><Application>}).
 * Both keep the caller on the same Twilio call, so its status callbacks (and its final one) stay on the call SID the
 * call was created with.
 *
 * @param kind   SIP or APPLICATION
 * @param target the SIP URI, or the TwiML application SID (AP…)
 */
public record AgentEndpoint(Kind kind, String target) {

    public enum Kind {
        SIP, APPLICATION
    }

    private static final Pattern APPLICATION_SID = Pattern.compile("AP[0-9a-fA-F]{32}");
    private static final Pattern SIP_URI = Pattern.compile("sips?:[^\\s<>\"]+@[^\\s<>\"]+");

    /**
     * The endpoint an agent's provider agent id names: a {@code sip:} URI for any provider, or an application SID on a
     * Twilio connection; empty when it names neither (the call cannot be connected).
     */
    public static Optional<AgentEndpoint> of(String providerAgentId, Provider agentProvider) {
        if (providerAgentId == null) {
            return Optional.empty();
        }
        String id = providerAgentId.trim();
        if (SIP_URI.matcher(id).matches()) {
            return Optional.of(new AgentEndpoint(Kind.SIP, id));
        }
        if (agentProvider == Provider.TWILIO && APPLICATION_SID.matcher(id).matches()) {
            return Optional.of(new AgentEndpoint(Kind.APPLICATION, id));
        }
        return Optional.empty();
    }
}
