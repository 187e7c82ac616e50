package io.switchboard.simulator.settings;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonMerge;

/**
 * How calls are played: the seed, the time factor, the outcome distribution, the durations and the global faults.
 * {@code PUT /sim/config} merges a partial document into a copy of the current settings (Jackson's updating
 * reader, {@link JsonMerge} for the nested groups) and replaces them only when the result is valid.
 */
public class Settings {

    public long seed;
    /** Real time = provider time × factor (0.01: a 90 s call lasts 0.9 s). Timestamps in payloads are real times. */
    public double timeFactor;
    @JsonMerge
    public Outcomes outcomes = new Outcomes();
    @JsonMerge
    public Answered answered = new Answered();
    @JsonMerge
    public Timing timing = new Timing();
    @JsonMerge
    public Faults faults = new Faults();

    /** Relative weights of each outcome (need not add up to 1). */
    public static class Outcomes {
        public double answered = 0.55;
        public double busy = 0.10;
        public double noAnswer = 0.15;
        public double voicemail = 0.10;
        public double failed = 0.05;
        /** the provider accepts the call and never reports back (no webhook at all) */
        public double silent = 0.05;
    }

    /** What an answered person asks for. */
    public static class Answered {
        /** to be called back at a given local time */
        public double callbackProbability = 0.15;
        /** never to be called again */
        public double doNotCallProbability = 0.05;
    }

    /** Provider seconds (before the time factor). */
    public static class Timing {
        public double ringMinSeconds = 3;
        public double ringMaxSeconds = 20;
        /** how long an unanswered call rings before the provider gives up */
        public double noAnswerSeconds = 30;
        public double talkMinSeconds = 20;
        public double talkMaxSeconds = 180;
        public double voicemailSeconds = 25;
        /** between the end of the call and the post-call analysis (end-of-call report, call_analyzed, ...) */
        public double analysisDelaySeconds = 3;
    }

    /** The offending fields (name: reason), empty when valid. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!(timeFactor > 0) || timeFactor > 100) {
            problems.add("timeFactor: must be greater than 0 and at most 100");
        }
        double[] weights = { outcomes.answered, outcomes.busy, outcomes.noAnswer, outcomes.voicemail, outcomes.failed,
                outcomes.silent };
        double sum = 0;
        for (double weight : weights) {
            if (!(weight >= 0)) {
                problems.add("outcomes: weights must be 0 or more");
            }
            sum += weight;
        }
        if (!(sum > 0)) {
            problems.add("outcomes: at least one weight must be greater than 0");
        }
        probability(problems, "answered.callbackProbability", answered.callbackProbability);
        probability(problems, "answered.doNotCallProbability", answered.doNotCallProbability);
        if (answered.callbackProbability + answered.doNotCallProbability > 1) {
            problems.add("answered: callbackProbability + doNotCallProbability must be at most 1");
        }
        double[] durations = { timing.ringMinSeconds, timing.ringMaxSeconds, timing.noAnswerSeconds, timing.talkMinSeconds,
                timing.talkMaxSeconds, timing.voicemailSeconds, timing.analysisDelaySeconds };
        for (double duration : durations) {
            if (!(duration >= 0) || duration > 86_400) {
                problems.add("timing: durations must be between 0 and 86400 seconds");
                break;
            }
        }
        if (timing.ringMinSeconds > timing.ringMaxSeconds) {
            problems.add("timing.ringMinSeconds: must not exceed ringMaxSeconds");
        }
        if (timing.talkMinSeconds > timing.talkMaxSeconds) {
            problems.add("timing.talkMinSeconds: must not exceed talkMaxSeconds");
        }
        problems.addAll(faults.problems("faults."));
        return problems;
    }

    static void probability(List<String> problems, String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            problems.add(field + ": must be between 0 and 1");
        }
    }
}
