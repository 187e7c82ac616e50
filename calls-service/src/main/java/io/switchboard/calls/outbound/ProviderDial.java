package io.switchboard.calls.outbound;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import io.switchboard.calls.connection.ConnectionCredentials;

/**
 * Everything an adapter needs to ask its provider for one outbound call.
 *
 * @param fromNumberSid     the provider's id of the caller number (VAPI phoneNumberId, ElevenLabs
 *                          agent_phone_number_id), null when the number has none
 * @param statusCallbackUrl Twilio only: our public status webhook for this connection
 */
public record ProviderDial(
        ConnectionCredentials connection,
        UUID callId,
        String dialRequestId,
        String providerAgentId,
        String toNumber,
        String fromNumber,
        String fromNumberSid,
        Map<String, String> variables,
        String statusCallbackUrl) {

    /** The tenant's variables plus our ids, under keys the webhook normalizers read back (ours win on a clash). */
    public Map<String, String> variablesWithIds() {
        Map<String, String> all = new LinkedHashMap<>(variables == null ? Map.of() : variables);
        all.put("switchboard_call_id", callId.toString());
        all.put("switchboard_dial_request_id", dialRequestId);
        return all;
    }

    /** Our ids as request metadata (VAPI, Retell): echoed in every webhook of the call as metadata.switchboardCallId. */
    public Map<String, String> metadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("switchboardCallId", callId.toString());
        metadata.put("switchboardDialRequestId", dialRequestId);
        return metadata;
    }

    @Override
    public String toString() {
        // no numbers or variables in logs
        return "ProviderDial[connection=" + connection.id() + ", call=" + callId + ", dialRequest=" + dialRequestId + "]";
    }
}
