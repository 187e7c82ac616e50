package io.switchboard.calls.outbound;

import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.webhook.Payloads;

/**
 * The four JSON providers' create-call requests (docs/outbound.md "Provider requests" has each body and answer).
 * Each passes our call id and dial request id where the provider echoes them in its webhooks, so a webhook that
 * arrives before we recorded the provider's call id still finds our call (CallModel attaches by it). What differs
 * per provider is the body, the endpoint and auth header, and the field naming the call in the answer.
 * The adapters are {@code @Singleton}s: stateless, never proxied, so they need no no-args constructor.
 */
abstract class JsonAdapters implements ProviderAdapter {

    private final ProviderClients clients;
    private final Provider provider;
    private final String publicBase;
    private final String callIdField;

    JsonAdapters(ProviderClients clients, Provider provider, String publicBase, String callIdField) {
        this.clients = clients;
        this.provider = provider;
        this.publicBase = publicBase;
        this.callIdField = callIdField;
    }

    @Override
    public Provider provider() {
        return provider;
    }

    /** The request body for this dial. */
    abstract ObjectNode body(ProviderDial dial);

    /** Sends the body to the provider's create-call endpoint with its auth header. */
    abstract Response send(ProviderApi api, String apiKey, String json);

    /** A 2xx answer that still refuses the call (ElevenLabs' success flag). */
    void check(JsonNode answer) {
    }

    @Override
    public String dial(ProviderDial dial) {
        String json = json(body(dial));
        JsonNode answer = clients.send(ProviderClients.baseUrl(dial.connection(), publicBase),
                api -> send(api, dial.connection().apiKey(), json));
        check(answer);
        String id = Payloads.text(answer, callIdField);
        if (id == null || id.isBlank()) {
            // accepted, but we cannot tell which call it made: it may exist
            throw new DialFailure.OutcomeUnknown(provider.wire() + " accepted the call but named no " + callIdField, null);
        }
        return id;
    }

    private static String json(JsonNode body) {
        try {
            return Payloads.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written", e);
        }
    }

    private static JsonNode tree(Object value) {
        return Payloads.JSON.valueToTree(value);
    }

    /** VAPI {@code POST /call}: assistantId, phoneNumberId, customer.number, variableValues, metadata → {@code id}. */
    @Singleton
    static class Vapi extends JsonAdapters {
        Vapi(ProviderClients clients) {
            super(clients, Provider.VAPI, "https://api.vapi.ai", "id");
        }

        @Override
        public boolean needsNumberSid() {
            return true;
        }

        @Override
        ObjectNode body(ProviderDial dial) {
            ObjectNode body = Payloads.JSON.createObjectNode();
            body.put("assistantId", dial.providerAgentId());
            body.put("phoneNumberId", dial.fromNumberSid());
            body.putObject("customer").put("number", dial.toNumber());
            body.putObject("assistantOverrides").set("variableValues", tree(dial.variablesWithIds()));
            body.set("metadata", tree(dial.metadata()));
            return body;
        }

        @Override
        Response send(ProviderApi api, String apiKey, String json) {
            return api.postCall("Bearer " + apiKey, json);
        }
    }

    /** Retell {@code POST /v2/create-phone-call}: from/to, override_agent_id, dynamic variables, metadata → {@code call_id}. */
    @Singleton
    static class Retell extends JsonAdapters {
        Retell(ProviderClients clients) {
            super(clients, Provider.RETELL, "https://api.retellai.com", "call_id");
        }

        @Override
        ObjectNode body(ProviderDial dial) {
            ObjectNode body = Payloads.JSON.createObjectNode();
            body.put("from_number", dial.fromNumber());
            body.put("to_number", dial.toNumber());
            body.put("override_agent_id", dial.providerAgentId());
            body.set("retell_llm_dynamic_variables", tree(dial.variablesWithIds()));
            body.set("metadata", tree(dial.metadata()));
            return body;
        }

        @Override
        Response send(ProviderApi api, String apiKey, String json) {
            return api.retellCreatePhoneCall("Bearer " + apiKey, json);
        }
    }

    /**
     * ElevenLabs {@code POST /v1/convai/twilio/outbound-call}: agent_id, agent_phone_number_id, to_number, dynamic
     * variables → {@code conversation_id} (the id its post-call webhooks name the call by).
     */
    @Singleton
    static class ElevenLabs extends JsonAdapters {
        ElevenLabs(ProviderClients clients) {
            super(clients, Provider.ELEVENLABS, "https://api.elevenlabs.io", "conversation_id");
        }

        @Override
        public boolean needsNumberSid() {
            return true;
        }

        @Override
        ObjectNode body(ProviderDial dial) {
            ObjectNode body = Payloads.JSON.createObjectNode();
            body.put("agent_id", dial.providerAgentId());
            body.put("agent_phone_number_id", dial.fromNumberSid());
            body.put("to_number", dial.toNumber());
            body.putObject("conversation_initiation_client_data").set("dynamic_variables", tree(dial.variablesWithIds()));
            return body;
        }

        @Override
        Response send(ProviderApi api, String apiKey, String json) {
            return api.elevenLabsOutboundCall(apiKey, json);
        }

        @Override
        void check(JsonNode answer) {
            if (answer.has("success") && !answer.get("success").asBoolean(true)) {
                // a 200 saying it did not place the call: a refusal, not a transport problem
                throw new DialFailure.Rejected(200, "elevenlabs: " + Payloads.text(answer, "message"));
            }
        }
    }

    /** Bolna {@code POST /call}: agent_id, recipient/from numbers, user_data → {@code execution_id}. */
    @Singleton
    static class Bolna extends JsonAdapters {
        Bolna(ProviderClients clients) {
            super(clients, Provider.BOLNA, "https://api.bolna.ai", "execution_id");
        }

        @Override
        public boolean needsFromNumber() {
            return false;
        }

        @Override
        ObjectNode body(ProviderDial dial) {
            ObjectNode body = Payloads.JSON.createObjectNode();
            body.put("agent_id", dial.providerAgentId());
            body.put("recipient_phone_number", dial.toNumber());
            if (dial.fromNumber() != null) {
                body.put("from_phone_number", dial.fromNumber());
            }
            body.set("user_data", tree(dial.variablesWithIds()));
            return body;
        }

        @Override
        Response send(ProviderApi api, String apiKey, String json) {
            return api.postCall("Bearer " + apiKey, json);
        }
    }
}
