package io.switchboard.simulator.provider.vapi;

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

/**
 * VAPI server messages: {@code status-update} ringing, in-progress (when connected), ended (with endedReason), then
 * the {@code end-of-call-report} (analysis: summary, structuredData with sentiment, successEvaluation; artifact:
 * transcript, messages, recordingUrl), authenticated with {@code X-Vapi-Secret}. The request's metadata (our
 * {@code switchboardCallId}) is echoed in {@code call.metadata}.
 */
record VapiScript(SimCall call, ObjectNode request) implements ProviderScript {

    @Override
    public List<Webhook> webhooks() {
        CallPlan plan = call.getPlan();
        double answer = plan.answerAt();
        double end = plan.endAt();
        String reason = switch (plan.outcome()) {
            case BUSY -> "customer-busy";
            case NO_ANSWER -> "customer-did-not-answer";
            case VOICEMAIL -> "voicemail";
            case FAILED -> "twilio-failed-to-connect-call";
            default -> "customer-ended-call";
        };
        List<Webhook> webhooks = new ArrayList<>();
        if (plan.outcome() != Outcome.FAILED) {
            webhooks.add(status("ringing", 1, null));
        } else {
            end = 0.5;
        }
        if (plan.connected()) {
            webhooks.add(status("in-progress", answer, null));
        }
        webhooks.add(status("ended", end, reason));
        webhooks.add(report(reason, plan.connected() ? answer : end, end, end + plan.analysisDelaySeconds()));
        return webhooks;
    }

    private Webhook status(String status, double at, String endedReason) {
        ObjectNode message = message("status-update", at);
        message.put("status", status);
        if (endedReason != null) {
            message.put("endedReason", endedReason);
        }
        return Webhook.json("status-update:" + status, at, call.account().webhookUrl(), Json.bytes(root(message)));
    }

    private Webhook report(String endedReason, double start, double end, double at) {
        CallPlan plan = call.getPlan();
        Conversation conversation = Conversation.of(plan);
        ObjectNode message = message("end-of-call-report", at);
        message.put("endedReason", endedReason);
        long seconds = plan.connected() ? Math.round(plan.talkSeconds()) : 0;
        message.put("cost", Math.round(seconds * 0.0012 * 10000) / 10000.0);
        message.put("startedAt", call.at(start).toString());
        message.put("endedAt", call.at(end).toString());
        message.put("durationSeconds", seconds);
        ObjectNode analysis = message.putObject("analysis");
        if (conversation.summary() != null) {
            analysis.put("summary", conversation.summary());
            ObjectNode structured = Json.MAPPER.valueToTree(conversation.data());
            structured.put("sentiment", conversation.sentiment());
            analysis.set("structuredData", structured);
            analysis.put("successEvaluation", Boolean.toString(conversation.successful()));
        }
        ObjectNode artifact = message.putObject("artifact");
        ArrayNode messages = artifact.putArray("messages");
        for (Conversation.Turn turn : conversation.turns()) {
            messages.addObject().put("role", turn.role().equals("agent") ? "bot" : "user").put("message", turn.text())
                    .put("time", call.at(start + turn.secondsFromStart()).toEpochMilli())
                    .put("secondsFromStart", turn.secondsFromStart());
        }
        if (!conversation.turns().isEmpty()) {
            artifact.put("transcript", conversation.text("AI", "User"));
            artifact.put("recordingUrl", "https://storage.vapi.ai/" + call.getProviderCallId() + "-mono.wav");
        }
        return Webhook.json("end-of-call-report", at, call.account().webhookUrl(), Json.bytes(root(message)));
    }

    private ObjectNode message(String type, double at) {
        ObjectNode message = Json.object();
        message.put("type", type);
        message.put("timestamp", call.at(at).toEpochMilli());
        message.set("call", VapiApi.callObject(call, request, "queued", call.getReceivedAt()));
        message.set("customer", request.get("customer"));
        if (call.getFrom() != null) {
            message.putObject("phoneNumber").put("number", call.getFrom());
        }
        return message;
    }

    private static ObjectNode root(ObjectNode message) {
        ObjectNode root = Json.object();
        root.set("message", message);
        return root;
    }

    @Override
    public Map<String, String> headers(Account account, Webhook webhook, Instant now) {
        return Map.of("X-Vapi-Secret", account.webhookSecret(), "User-Agent", "Vapi/1.0");
    }
}
