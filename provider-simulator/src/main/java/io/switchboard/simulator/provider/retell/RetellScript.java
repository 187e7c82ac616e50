package io.switchboard.simulator.provider.retell;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.play.CallPlan;
import io.switchboard.simulator.play.Outcome;
import io.switchboard.simulator.play.ProviderScript;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.play.Webhook;
import io.switchboard.simulator.provider.Conversation;
import io.switchboard.simulator.provider.Json;
import io.switchboard.simulator.provider.Secrets;

/**
 * Retell webhooks {@code {"event", "call"}}: {@code call_started} (when connected), {@code call_ended} (with
 * disconnection_reason, transcript, cost in cents) and {@code call_analyzed} (call_analysis: summary, sentiment,
 * in_voicemail, custom_analysis_data), signed {@code X-Retell-Signature: v=<ms>,d=<hex HMAC-SHA256(body + ms)>} with
 * the API key, exactly as calls-service's RetellSignature verifies.
 */
record RetellScript(SimCall call, ObjectNode request) implements ProviderScript {

    @Override
    public List<Webhook> webhooks() {
        CallPlan plan = call.getPlan();
        double answer = plan.answerAt();
        double end = plan.outcome() == Outcome.FAILED ? 0.5 : plan.endAt();
        String reason = switch (plan.outcome()) {
            case BUSY -> "dial_busy";
            case NO_ANSWER -> "dial_no_answer";
            case VOICEMAIL -> "voicemail_reached";
            case FAILED -> "dial_failed";
            default -> "user_hangup";
        };
        List<Webhook> webhooks = new ArrayList<>();
        if (plan.connected()) {
            webhooks.add(event("call_started", answer, started(answer)));
        }
        ObjectNode ended = ended(answer, end, reason);
        webhooks.add(event("call_ended", end, ended));
        ObjectNode analyzed = ended.deepCopy();
        Conversation conversation = Conversation.of(plan);
        ObjectNode analysis = analyzed.putObject("call_analysis");
        analysis.put("call_summary", conversation.summary() == null ? "The call did not connect." : conversation.summary());
        analysis.put("in_voicemail", plan.outcome() == Outcome.VOICEMAIL);
        analysis.put("user_sentiment", conversation.sentiment() == null ? "Unknown" : capitalized(conversation.sentiment()));
        analysis.put("call_successful", conversation.successful());
        analysis.set("custom_analysis_data", Json.MAPPER.valueToTree(conversation.data()));
        webhooks.add(event("call_analyzed", end + plan.analysisDelaySeconds(), analyzed));
        return webhooks;
    }

    private ObjectNode started(double answer) {
        ObjectNode object = callObject(call, request, "ongoing");
        object.put("start_timestamp", call.at(answer).toEpochMilli());
        return object;
    }

    private ObjectNode ended(double answer, double end, String reason) {
        CallPlan plan = call.getPlan();
        ObjectNode object = callObject(call, request, plan.connected() ? "ended" : "not_connected");
        long durationMs = plan.connected() ? Math.round(plan.talkSeconds() * 1000) : 0;
        if (plan.connected()) {
            object.put("start_timestamp", call.at(answer).toEpochMilli());
        }
        object.put("end_timestamp", call.at(end).toEpochMilli());
        object.put("duration_ms", durationMs);
        object.put("disconnection_reason", reason);
        Conversation conversation = Conversation.of(plan);
        if (!conversation.turns().isEmpty()) {
            object.put("transcript", conversation.text("Agent", "User"));
            ArrayNode turns = object.putArray("transcript_object");
            for (Conversation.Turn turn : conversation.turns()) {
                turns.addObject().put("role", turn.role()).put("content", turn.text()).putArray("words");
            }
            object.put("recording_url", "https://retellai.s3.us-west-2.amazonaws.com/" + call.getProviderCallId() + "/recording.wav");
        }
        long seconds = durationMs / 1000;
        ObjectNode cost = object.putObject("call_cost");
        cost.putArray("product_costs");
        cost.put("total_duration_seconds", seconds);
        cost.put("total_duration_unit_price", 0.12);
        cost.put("combined_cost", Math.round(seconds * 0.12 * 100) / 100.0);
        return object;
    }

    /** Retell's call object, as the create answers it and the webhooks carry it. */
    static ObjectNode callObject(SimCall call, ObjectNode request, String status) {
        ObjectNode object = Json.object();
        object.put("call_type", "phone_call");
        object.put("from_number", call.getFrom());
        object.put("to_number", call.getTo());
        object.put("direction", "outbound");
        object.put("call_id", call.getProviderCallId());
        String agent = Json.text(request, "override_agent_id");
        object.put("agent_id", agent == null ? RetellApi.DEFAULT_AGENT : agent);
        object.put("agent_version", request.path("override_agent_version").asInt(1));
        object.put("call_status", status);
        object.set("metadata", request.has("metadata") ? request.get("metadata") : Json.object());
        object.set("retell_llm_dynamic_variables",
                request.has("retell_llm_dynamic_variables") ? request.get("retell_llm_dynamic_variables") : Json.object());
        object.put("opt_out_sensitive_data_storage", false);
        return object;
    }

    private Webhook event(String event, double at, ObjectNode callObject) {
        ObjectNode root = Json.object();
        root.put("event", event);
        root.set("call", callObject);
        return Webhook.json(event, at, call.account().webhookUrl(), Json.bytes(root));
    }

    @Override
    public Map<String, String> headers(Account account, Webhook webhook, Instant now) {
        return Map.of("X-Retell-Signature", signature(account.webhookSecret(), webhook.body(), now.toEpochMilli()));
    }

    static String signature(String apiKey, byte[] body, long epochMillis) {
        String timestamp = Long.toString(epochMillis);
        return "v=" + timestamp + ",d=" + Secrets.hmacSha256Hex(apiKey, body, Secrets.utf8(timestamp));
    }

    private static String capitalized(String word) {
        return Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
