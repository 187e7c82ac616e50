package io.switchboard.simulator.play;

import java.util.SplittableRandom;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What will happen to one call, drawn from its seeded random stream; durations in provider seconds.
 *
 * @param analysisDelaySeconds between the end of the call and the post-call analysis webhook
 * @param callbackLocal for {@link Intent#CALLBACK}: the wall-clock time the person asked for, in their own time
 *                      zone, ISO-8601 without offset ({@code 2026-11-23T10:30})
 * @param faults        the rest of the call's random stream, for the delivery faults drawn after the script is known
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallPlan(Outcome outcome, Intent intent, double ringSeconds, double talkSeconds, double analysisDelaySeconds,
        String callbackLocal,
        @JsonIgnore SplittableRandom faults) {

    /** Provider seconds after the create-call: dialing takes 1 s, then it rings. */
    public double answerAt() {
        return 1 + ringSeconds;
    }

    public double endAt() {
        return answerAt() + talkSeconds;
    }

    public boolean connected() {
        return outcome == Outcome.ANSWERED || outcome == Outcome.VOICEMAIL;
    }
}
