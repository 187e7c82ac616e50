package io.switchboard.simulator.provider.twilio;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.switchboard.simulator.account.Account;
import io.switchboard.simulator.play.CallPlan;
import io.switchboard.simulator.play.Outcome;
import io.switchboard.simulator.play.ProviderScript;
import io.switchboard.simulator.play.SimCall;
import io.switchboard.simulator.play.Webhook;
import io.switchboard.simulator.provider.Secrets;

/**
 * Twilio status callbacks: form-encoded call progress events (initiated, ringing, in-progress, then the terminal
 * status with CallDuration and AnsweredBy) to the request's StatusCallback, signed with X-Twilio-Signature = base64
 * HMAC-SHA1, keyed by the auth token, of the URL followed by every parameter name and value in name order.
 * With StatusCallbackEvent given only those progress events are sent (the terminal one always), as Twilio does;
 * without it the simulator sends them all (Twilio would send only the terminal one).
 */
final class TwilioScript implements ProviderScript {

    private final SimCall call;
    private final String statusCallback;
    private final List<String> events;
    private final boolean machineDetection;

    TwilioScript(SimCall call, String statusCallback, List<String> events, String machineDetection) {
        this.call = call;
        this.statusCallback = statusCallback == null || statusCallback.isBlank() ? call.account().webhookUrl() : statusCallback;
        this.events = events == null || events.isEmpty() ? null
                : events.stream().flatMap(e -> List.of(e.split("[ ,]")).stream()).filter(e -> !e.isBlank()).toList();
        this.machineDetection = machineDetection != null && !machineDetection.isBlank();
    }

    @Override
    public List<Webhook> webhooks() {
        CallPlan plan = call.getPlan();
        double answer = plan.answerAt();
        double end = plan.endAt();
        List<Webhook> webhooks = new ArrayList<>();
        int[] sequence = { 0 };
        if (plan.outcome() == Outcome.FAILED) {
            webhooks.add(status("failed", 0.5, sequence, Map.of("CallDuration", "0")));
            return webhooks;
        }
        progress(webhooks, "initiated", "initiated", 0.2, sequence, Map.of());
        progress(webhooks, "ringing", "ringing", 1, sequence, Map.of());
        switch (plan.outcome()) {
            case BUSY -> webhooks.add(status("busy", answer, sequence, Map.of("CallDuration", "0")));
            case NO_ANSWER -> webhooks.add(status("no-answer", answer, sequence, Map.of("CallDuration", "0")));
            default -> {
                String answeredBy = plan.outcome() == Outcome.VOICEMAIL ? "machine_end_beep" : "human";
                progress(webhooks, "answered", "in-progress", answer, sequence,
                        machineDetection ? Map.of("AnsweredBy", answeredBy) : Map.of());
                long seconds = Math.round(plan.talkSeconds());
                Map<String, String> extra = new LinkedHashMap<>();
                extra.put("CallDuration", Long.toString(seconds));
                extra.put("Duration", Long.toString((seconds + 59) / 60));
                extra.put("AnsweredBy", answeredBy);
                webhooks.add(status("completed", end, sequence, extra));
            }
        }
        return webhooks;
    }

    private void progress(List<Webhook> webhooks, String event, String status, double at, int[] sequence, Map<String, String> extra) {
        if (events == null || events.contains(event)) {
            webhooks.add(status(status, at, sequence, extra));
        }
    }

    private Webhook status(String status, double at, int[] sequence, Map<String, String> extra) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("AccountSid", call.account().accountSid());
        form.put("ApiVersion", "2010-04-01");
        form.put("CallSid", call.getProviderCallId());
        form.put("Called", call.getTo());
        form.put("Caller", call.getFrom());
        form.put("From", call.getFrom());
        form.put("To", call.getTo());
        form.put("Direction", "outbound-api");
        form.put("CallbackSource", "call-progress-events");
        form.put("CallStatus", status);
        form.put("SequenceNumber", Integer.toString(sequence[0]++));
        form.put("Timestamp", TwilioApi.timestamp(call.at(at)));
        form.putAll(extra);
        return new Webhook(status, at, statusCallback, "application/x-www-form-urlencoded", encode(form), form);
    }

    @Override
    public Map<String, String> headers(Account account, Webhook webhook, Instant now) {
        return Map.of("X-Twilio-Signature", signature(account.webhookSecret(), webhook.url(), webhook.form()),
                "User-Agent", "TwilioProxy/1.1", "I-Twilio-Idempotency-Token", call.getProviderCallId() + "-" + webhook.form().get("SequenceNumber"));
    }

    /** Twilio's request signature: base64 HMAC-SHA1 of the URL and the name-sorted parameters, keyed by the auth token. */
    static String signature(String authToken, String url, Map<String, String> params) {
        StringBuilder data = new StringBuilder(url);
        new TreeMap<>(params).forEach((name, value) -> data.append(name).append(value));
        return Secrets.hmacSha1Base64(authToken, Secrets.utf8(data.toString()));
    }

    private static byte[] encode(Map<String, String> form) {
        StringBuilder body = new StringBuilder();
        form.forEach((name, value) -> {
            if (!body.isEmpty()) {
                body.append('&');
            }
            body.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return body.toString().getBytes(StandardCharsets.UTF_8);
    }
}
