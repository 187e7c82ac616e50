package io.switchboard.simulator.provider.bolna;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.play.CallPlan;
import io.switchboard.simulator.play.Outcome;
import io.switchboard.simulator.play.ProviderScript;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.play.Webhook;
import io.switchboard.simulator.provider.Conversation;
import io.switchboard.simulator.provider.Json;

/**
 * Bolna execution payloads, the whole execution posted again at each status: initiated, ringing, then in-progress,
 * call-disconnected and completed (transcript, summary, extracted_data, cost in cents) for a connected call, or
 * busy / no-answer / failed. The request's user_data comes back as context_details.recipient_data. Authenticated with
 * {@code Authorization: Bearer <shared token>} when the account has one.
 *
 * @param telephonySid the call's id at Bolna's telephony (Twilio) provider
 */
record BolnaScript(SimCall call, ObjectNode request, String telephonySid) implements ProviderScript {

    @Override
    public List<Webhook> webhooks() {
        CallPlan plan = call.getPlan();
        double answer = plan.answerAt();
        double end = plan.endAt();
        List<Webhook> webhooks = new ArrayList<>();
        if (plan.outcome() == Outcome.FAILED) {
            webhooks.add(execution("failed", 0.5, false));
            return webhooks;
        }
        webhooks.add(execution("initiated", 0.2, false));
        webhooks.add(execution("ringing", 1, false));
        switch (plan.outcome()) {
            case BUSY -> webhooks.add(execution("busy", answer, false));
            case NO_ANSWER -> webhooks.add(execution("no-answer", answer, false));
            default -> {
                webhooks.add(execution("in-progress", answer, false));
                webhooks.add(execution("call-disconnected", end, false));
                webhooks.add(execution("completed", end + plan.analysisDelaySeconds(), true));
            }
        }
        return webhooks;
    }

    private Webhook execution(String status, double at, boolean analysed) {
        CallPlan plan = call.getPlan();
        boolean ended = status.equals("call-disconnected") || status.equals("completed");
        boolean hungUp = ended || List.of("busy", "no-answer", "failed").contains(status);
        Conversation conversation = Conversation.of(plan);
        long seconds = Math.round(plan.talkSeconds());
        ObjectNode root = Json.object();
        root.put("id", call.getProviderCallId());
        root.put("agent_id", Json.text(request, "agent_id"));
        root.putNull("batch_id");
        root.put("conversation_duration", ended ? seconds : 0);
        root.put("total_cost", analysed ? Math.round(seconds * 0.15 * 100) / 100.0 : 0);
        root.put("answered_by_voice_mail", plan.outcome() == Outcome.VOICEMAIL && ended);
        root.put("transcript", analysed ? conversation.text("assistant", "user") : null);
        root.put("summary", analysed ? conversation.summary() : null);
        root.set("extracted_data", analysed && !conversation.data().isEmpty() ? Json.MAPPER.valueToTree(conversation.data()) : null);
        root.put("error_message", status.equals("failed") ? "Call could not be connected" : null);
        root.put("created_at", call.getReceivedAt().toString());
        root.put("initiated_at", call.at(0.2).toString());
        ObjectNode telephony = root.putObject("telephony_data");
        telephony.put("duration", ended ? Long.toString(seconds + 1) : null);
        telephony.put("to_number", call.getTo());
        telephony.put("from_number", call.getFrom());
        telephony.put("recording_url", analysed ? "https://bolna-recordings.s3.amazonaws.com/" + call.getProviderCallId() + ".mp3" : null);
        telephony.put("hosted_telephony", true);
        telephony.put("provider_call_id", telephonySid);
        telephony.put("call_type", "outbound");
        telephony.put("provider", "twilio");
        telephony.put("hangup_by", hungUp ? (ended ? "Callee" : "Carrier") : null);
        telephony.put("hangup_reason", !hungUp ? null : switch (status) {
            case "busy" -> "Busy";
            case "no-answer" -> "No answer";
            case "failed" -> "Call failed";
            default -> "Call recipient hungup";
        });
        telephony.put("hangup_provider_code", !hungUp ? null : switch (status) {
            case "busy" -> "486";
            case "no-answer" -> "480";
            case "failed" -> "500";
            default -> "4000";
        });
        ObjectNode context = root.putObject("context_details");
        context.set("recipient_data", request.has("user_data") && request.get("user_data").isObject() ? request.get("user_data") : Json.object());
        context.put("recipient_phone_number", call.getTo());
        root.put("status", status);
        root.put("updated_at", call.at(at).toString());
        return Webhook.json(status, at, call.account().webhookUrl(), Json.bytes(root));
    }

    @Override
    public Map<String, String> headers(Account account, Webhook webhook, Instant now) {
        return account.webhookSecret() == null ? Map.of() : Map.of("Authorization", "Bearer " + account.webhookSecret());
    }
}
