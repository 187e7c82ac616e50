package io.switchboard.simulator.provider.elevenlabs;

import java.time.Instant;
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
 * ElevenLabs post-call webhooks: a connected call ends with one {@code post_call_transcription} (transcript,
 * analysis with data_collection_results and transcript_summary, the request's conversation_initiation_client_data),
 * an unconnected one with a {@code call_initiation_failure} (busy, no-answer, unknown). Signed
 * {@code ElevenLabs-Signature: t=<s>,v0=<hex HMAC-SHA256("t.body")>} with the webhook secret.
 */
record ElevenLabsScript(SimCall call, ObjectNode request, String callSid) implements ProviderScript {

    @Override
    public List<Webhook> webhooks() {
        CallPlan plan = call.getPlan();
        double answer = plan.answerAt();
        if (!plan.connected()) {
            double at = plan.outcome() == Outcome.FAILED ? 0.5 : answer;
            String reason = switch (plan.outcome()) {
                case BUSY -> "busy";
                case NO_ANSWER -> "no-answer";
                default -> "unknown";
            };
            return List.of(failure(reason, at));
        }
        return List.of(transcription(answer, plan.endAt() + plan.analysisDelaySeconds()));
    }

    private Webhook failure(String reason, double at) {
        ObjectNode data = Json.object();
        data.put("agent_id", Json.text(request, "agent_id"));
        data.put("conversation_id", call.getProviderCallId());
        data.put("failure_reason", reason);
        ObjectNode metadata = data.putObject("metadata");
        metadata.put("type", "twilio");
        metadata.putObject("body").put("CallSid", callSid).put("CallStatus", reason.equals("unknown") ? "failed" : reason)
                .put("To", call.getTo()).put("Direction", "outbound-api");
        return envelope("call_initiation_failure", at, data);
    }

    private Webhook transcription(double answer, double at) {
        CallPlan plan = call.getPlan();
        Conversation conversation = Conversation.of(plan);
        ObjectNode data = Json.object();
        data.put("agent_id", Json.text(request, "agent_id"));
        data.put("conversation_id", call.getProviderCallId());
        data.put("status", "done");
        data.putNull("user_id");
        ArrayNode transcript = data.putArray("transcript");
        for (Conversation.Turn turn : conversation.turns()) {
            transcript.addObject().put("role", turn.role()).put("message", turn.text()).putNull("tool_calls").putNull("tool_results")
                    .putNull("feedback").put("time_in_call_secs", Math.round(turn.secondsFromStart()));
        }
        ObjectNode metadata = data.putObject("metadata");
        long seconds = Math.round(plan.talkSeconds());
        metadata.put("start_time_unix_secs", call.at(answer).getEpochSecond());
        metadata.put("call_duration_secs", seconds);
        metadata.put("cost", seconds * 7);
        metadata.put("termination_reason", plan.outcome() == Outcome.VOICEMAIL ? "voicemail_detection tool was called."
                : "Call ended by remote party");
        ObjectNode phone = metadata.putObject("phone_call");
        phone.put("direction", "outbound");
        phone.put("phone_number_id", Json.text(request, "agent_phone_number_id"));
        phone.put("external_number", call.getTo());
        phone.put("type", "twilio");
        phone.put("call_sid", callSid);
        ObjectNode analysis = data.putObject("analysis");
        analysis.putObject("evaluation_criteria_results");
        ObjectNode collected = analysis.putObject("data_collection_results");
        conversation.data().forEach((key, value) -> {
            ObjectNode result = collected.putObject(key);
            result.put("data_collection_id", key);
            result.set("value", Json.MAPPER.valueToTree(value));
            result.put("rationale", conversation.summary());
        });
        analysis.put("call_successful", conversation.successful() ? "success" : "failure");
        analysis.put("transcript_summary", conversation.summary());
        data.set("conversation_initiation_client_data", request.has("conversation_initiation_client_data")
                ? request.get("conversation_initiation_client_data") : Json.object());
        return envelope("post_call_transcription", at, data);
    }

    private Webhook envelope(String type, double at, ObjectNode data) {
        ObjectNode root = Json.object();
        root.put("type", type);
        root.put("event_timestamp", call.at(at).getEpochSecond());
        root.set("data", data);
        return Webhook.json(type, at, call.account().webhookUrl(), Json.bytes(root));
    }

    @Override
    public Map<String, String> headers(Account account, Webhook webhook, Instant now) {
        return Map.of("ElevenLabs-Signature", signature(account.webhookSecret(), webhook.body(), now.getEpochSecond()));
    }

    static String signature(String secret, byte[] body, long epochSeconds) {
        String timestamp = Long.toString(epochSeconds);
        return "t=" + timestamp + ",v0=" + Secrets.hmacSha256Hex(secret, Secrets.utf8(timestamp + "."), body);
    }
}
