package io.switchboard.simulator.settings;

import java.util.ArrayList;
import java.util.List;

/**
 * What real providers do to webhook deliveries, each drawn per call from the call's seeded random stream: send one
 * twice, hold one back, send the end-of-call report before the status updates.
 */
public class Faults {

    /** Per webhook: the chance it is delivered a second time, shortly after the first. */
    public double duplicateProbability;
    /** Per call: the chance its final webhook (end-of-call report, terminal status) goes out before the others. */
    public double reorderProbability;
    /** Per webhook: the chance it is held back by up to {@link #maxDelaySeconds} (provider seconds, scaled). */
    public double delayProbability;
    public double maxDelaySeconds = 30;

    public Faults() {
    }

    public Faults(double duplicateProbability, double reorderProbability, double delayProbability, double maxDelaySeconds) {
        this.duplicateProbability = duplicateProbability;
        this.reorderProbability = reorderProbability;
        this.delayProbability = delayProbability;
        this.maxDelaySeconds = maxDelaySeconds;
    }

    /** The offending fields, "faults." prefixed by the caller. */
    public List<String> problems(String prefix) {
        List<String> problems = new ArrayList<>();
        Settings.probability(problems, prefix + "duplicateProbability", duplicateProbability);
        Settings.probability(problems, prefix + "reorderProbability", reorderProbability);
        Settings.probability(problems, prefix + "delayProbability", delayProbability);
        if (!(maxDelaySeconds >= 0) || maxDelaySeconds > 86_400) {
            problems.add(prefix + "maxDelaySeconds: must be between 0 and 86400");
        }
        return problems;
    }
}
