package io.switchboard.simulator.provider;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.simulator.play.CallPlan;
import io.switchboard.simulator.play.Intent;
import io.switchboard.simulator.play.Outcome;

/**
 * What was said on a connected call and what the provider's post-call analysis makes of it, from the plan: the
 * transcript turns, summary, sentiment and structured data. The structured data carries the keys calls-service reads
 * (calls-service/docs/call-model.md): {@code do_not_call}, {@code callback_requested}, and {@code callback_local}, the
 * local wall-clock time the person asked to be called back at.
 */
public record Conversation(List<Turn> turns, String summary, String sentiment, boolean successful, Map<String, Object> data) {

    /** @param role agent or user */
    public record Turn(String role, String text, double secondsFromStart) {
    }

    public static Conversation of(CallPlan plan) {
        double talk = Math.max(plan.talkSeconds(), 4);
        List<Turn> turns = new ArrayList<>();
        Map<String, Object> data = new LinkedHashMap<>();
        if (plan.outcome() == Outcome.VOICEMAIL) {
            turns.add(new Turn("agent", "Hi, this is Ava from Acme calling about your appointment. Please call us back.", 1));
            return new Conversation(turns, "Reached voicemail; left a message asking for a call back.", "neutral", false, data);
        }
        if (plan.outcome() != Outcome.ANSWERED) {
            return new Conversation(List.of(), null, null, false, data);
        }
        turns.add(new Turn("agent", "Hi, this is Ava from Acme. I'm calling to confirm your appointment on Tuesday at 10.", 0.5));
        return switch (plan.intent() == null ? Intent.NONE : plan.intent()) {
            case CALLBACK -> {
                turns.add(new Turn("user", "I can't talk right now. Could you call me back at " + plan.callbackLocal().replace('T', ' ') + "?", talk * 0.3));
                turns.add(new Turn("agent", "Of course, I'll call you back then. Goodbye!", talk * 0.6));
                data.put("callback_requested", true);
                data.put("callback_local", plan.callbackLocal());
                yield new Conversation(turns, "The customer asked to be called back at " + plan.callbackLocal() + " local time.",
                        "neutral", false, data);
            }
            case DO_NOT_CALL -> {
                turns.add(new Turn("user", "Please stop calling me and take me off your list.", talk * 0.3));
                turns.add(new Turn("agent", "Understood, you will not be called again. Goodbye.", talk * 0.6));
                data.put("do_not_call", true);
                yield new Conversation(turns, "The customer asked not to be called again.", "negative", false, data);
            }
            case NONE -> {
                turns.add(new Turn("user", "Yes, that works for me.", talk * 0.3));
                turns.add(new Turn("agent", "Great, you're all set. Goodbye!", talk * 0.6));
                data.put("appointment_confirmed", true);
                yield new Conversation(turns, "The customer confirmed the Tuesday 10:00 appointment.", "positive", true, data);
            }
        };
    }

    /** "Agent: …\nUser: …" */
    public String text(String agentLabel, String userLabel) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : turns) {
            text.append(turn.role().equals("agent") ? agentLabel : userLabel).append(": ").append(turn.text()).append('\n');
        }
        return text.isEmpty() ? null : text.toString().strip();
    }
}
