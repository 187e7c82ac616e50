package io.switchboard.calls.outbound;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.calls.connection.Provider;
import io.switchboard.calls.webhook.Payloads;

/**
 * The four JSON providers' create-call requests (docs/outbound.md "Provider requests" has each body and answer).
 * Each passes our call id and dial request id where the provider echoes them in its webhooks, so a webhook that
 * arrives before we recorded the provider's call id still finds our call (CallModel attaches by it).
 */
final class JsonAdapters {

    private JsonAdapters() {
    }

    static String json(JsonNode body) {
        try {
            return Payloads.JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("request body cannot be written", e);
        }
    }

    static ObjectNode object() {
        return Payloads.JSON.createObjectNode();
    }

    /** The provider's call id from a 2xx answer; an answer without one leaves the outcome unknown. */
    static String required(JsonNode answer, String field, Provider provider) {
        String id = Payloads.text(answer, field);
        if (id == null || id.isBlank()) {
            throw new DialFailure.OutcomeUnknown(provider.wire() + " accepted the call but named no " + field, null);
        }
        return id;
    }

    /** VAPI {@code POST /call}: assistantId, phoneNumberId, customer.number, variableValues, metadata → {@code id}. */
    @ApplicationScoped
    static class Vapi implements ProviderAdapter {
        private final ProviderClients clients;

        Vapi(ProviderClients clients) {
            this.clients = clients;
        }

        @Override
        public Provider provider() {
            return Provider.VAPI;
        }

        @Override
        public boolean needsNumberSid() {
            return true;
        }

        @Override
        public String dial(ProviderDial dial) {
            ObjectNode body = object();
            body.put("assistantId", dial.providerAgentId());
            body.put("phoneNumberId", dial.fromNumberSid());
            body.putObject("customer").put("number", dial.toNumber());
            body.putObject("assistantOverrides").set("variableValues", Payloads.JSON.valueToTree(dial.variablesWithIds()));
            body.set("metadata", Payloads.JSON.valueToTree(dial.metadata()));
            JsonNode answer = clients.send(ProviderClients.baseUrl(dial.connection(), "https://api.vapi.ai"),
                    api -> api.postCall("Bearer " + dial.connection().apiKey(), json(body)));
            return required(answer, "id", provider());
        }
    }

    /** Retell {@code POST /v2/create-phone-call}: from/to, override_agent_id, dynamic variables, metadata → {@code call_id}. */
    @ApplicationScoped
    static class Retell implements ProviderAdapter {
        private final ProviderClients clients;

        Retell(ProviderClients clients) {
            this.clients = clients;
        }

        @Override
        public Provider provider() {
            return Provider.RETELL;
        }

        @Override
        public String dial(ProviderDial dial) {
            ObjectNode body = object();
            body.put("from_number", dial.fromNumber());
            body.put("to_number", dial.toNumber());
            body.put("override_agent_id", dial.providerAgentId());
            body.set("retell_llm_dynamic_variables", Payloads.JSON.valueToTree(dial.variablesWithIds()));
            body.set("metadata", Payloads.JSON.valueToTree(dial.metadata()));
            JsonNode answer = clients.send(ProviderClients.baseUrl(dial.connection(), "https://api.retellai.com"),
                    api -> api.retellCreatePhoneCall("Bearer " + dial.connection().apiKey(), json(body)));
            return required(answer, "call_id", provider());
        }
    }

    /**
     * ElevenLabs {@code POST /v1/convai/twilio/outbound-call}: agent_id, agent_phone_number_id, to_number, dynamic
     * variables → {@code conversation_id} (the id its post-call webhooks name the call by).
     */
    @ApplicationScoped
    static class ElevenLabs implements ProviderAdapter {
        private final ProviderClients clients;

        ElevenLabs(ProviderClients clients) {
            this.clients = clients;
        }

        @Override
        public Provider provider() {
            return Provider.ELEVENLABS;
        }

        @Override
        public boolean needsNumberSid() {
            return true;
        }

        @Override
        public String dial(ProviderDial dial) {
            ObjectNode body = object();
            body.put("agent_id", dial.providerAgentId());
            body.put("agent_phone_number_id", dial.fromNumberSid());
            body.put("to_number", dial.toNumber());
            body.putObject("conversation_initiation_client_data")
                    .set("dynamic_variables", Payloads.JSON.valueToTree(dial.variablesWithIds()));
            JsonNode answer = clients.send(ProviderClients.baseUrl(dial.connection(), "https://api.elevenlabs.io"),
                    api -> api.elevenLabsOutboundCall(dial.connection().apiKey(), json(body)));
            if (answer.has("success") && !answer.get("success").asBoolean(true)) {
                // a 200 saying it did not place the call: a refusal, not a transport problem
                throw new DialFailure.Rejected(200, "elevenlabs: " + Payloads.text(answer, "message"));
            }
            return required(answer, "conversation_id", provider());
        }
    }

    /** Bolna {@code POST /call}: agent_id, recipient/from numbers, user_data → {@code execution_id}. */
    @ApplicationScoped
    static class Bolna implements ProviderAdapter {
        private final ProviderClients clients;

        Bolna(ProviderClients clients) {
            this.clients = clients;
        }

        @Override
        public Provider provider() {
            return Provider.BOLNA;
        }

        @Override
        public boolean needsFromNumber() {
            return false;
        }

        @Override
        public String dial(ProviderDial dial) {
            ObjectNode body = object();
            body.put("agent_id", dial.providerAgentId());
            body.put("recipient_phone_number", dial.toNumber());
            if (dial.fromNumber() != null) {
                body.put("from_phone_number", dial.fromNumber());
            }
            body.set("user_data", Payloads.JSON.valueToTree(dial.variablesWithIds()));
            JsonNode answer = clients.send(ProviderClients.baseUrl(dial.connection(), "https://api.bolna.ai"),
                    api -> api.postCall("Bearer " + dial.connection().apiKey(), json(body)));
            return required(answer, "execution_id", provider());
        }
    }
}
