package io.switchboard.simulator.play;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.Instant;
import java.util.SplittableRandom;

import io.switchboard.simulator.settings.Settings;

/**
 * Draws a call's plan. The random stream of a call depends only on the seed, the number called and how many times
 * that number was called since the last reset, so the same seed and the same create-calls give the same outcomes,
 * whatever the interleaving of calls to different numbers. Ids are not drawn from it (they must stay unique across
 * runs, or the platform would take a new call for a duplicate of an old one).
 */
public final class Planner {

    private Planner() {
    }

    public static SplittableRandom stream(long seed, String number, int attempt) {
        long h = mix(seed ^ 0x9E3779B97F4A7C15L);
        h = mix(h ^ (number == null ? 0 : number.hashCode()));
        h = mix(h + attempt);
        return new SplittableRandom(h);
    }

    /** @param receivedAt the callback is asked for one or two days after the call's (UTC) date */
    public static CallPlan plan(Settings settings, String number, int attempt, Instant receivedAt) {
        SplittableRandom random = stream(settings.seed, number, attempt);
        Outcome outcome = outcome(settings.outcomes, random.nextDouble());
        Settings.Timing t = settings.timing;
        double ring = between(random, t.ringMinSeconds, t.ringMaxSeconds);
        double talk = between(random, t.talkMinSeconds, t.talkMaxSeconds);
        double intentDraw = random.nextDouble();
        int dayOffset = 1 + random.nextInt(2);
        int halfHour = random.nextInt(17); // 09:00 .. 17:00
        Intent intent = Intent.NONE;
        if (outcome == Outcome.ANSWERED) {
            if (intentDraw < settings.answered.callbackProbability) {
                intent = Intent.CALLBACK;
            } else if (intentDraw < settings.answered.callbackProbability + settings.answered.doNotCallProbability) {
                intent = Intent.DO_NOT_CALL;
            }
        }
        double ringSeconds = switch (outcome) {
            case NO_ANSWER -> t.noAnswerSeconds;
            case BUSY, FAILED -> Math.min(ring, 2);
            default -> ring;
        };
        double talkSeconds = switch (outcome) {
            case ANSWERED -> talk;
            case VOICEMAIL -> t.voicemailSeconds;
            default -> 0;
        };
        String callback = null;
        if (intent == Intent.CALLBACK) {
            LocalDate day = receivedAt.atOffset(ZoneOffset.UTC).toLocalDate().plusDays(dayOffset);
            callback = day.atTime(LocalTime.of(9, 0).plusMinutes(30L * halfHour)).toString();
        }
        return new CallPlan(outcome, intent, round(ringSeconds), round(talkSeconds), t.analysisDelaySeconds, callback, random);
    }

    static Outcome outcome(Settings.Outcomes weights, double draw) {
        double[] w = { weights.answered, weights.busy, weights.noAnswer, weights.voicemail, weights.failed, weights.silent };
        Outcome[] outcomes = { Outcome.ANSWERED, Outcome.BUSY, Outcome.NO_ANSWER, Outcome.VOICEMAIL, Outcome.FAILED, Outcome.SILENT };
        double sum = 0;
        for (double x : w) {
            sum += x;
        }
        double point = draw * sum;
        double acc = 0;
        for (int i = 0; i < w.length; i++) {
            acc += w[i];
            if (w[i] > 0 && point < acc) {
                return outcomes[i];
            }
        }
        for (int i = w.length - 1; i >= 0; i--) { // draw * sum rounded up to sum: the last outcome that can happen
            if (w[i] > 0) {
                return outcomes[i];
            }
        }
        throw new IllegalStateException("no outcome has a weight");
    }

    private static double between(SplittableRandom random, double min, double max) {
        return max <= min ? min : min + random.nextDouble() * (max - min);
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    /** SplitMix64's finalizer: spreads close inputs (seed 1 and 2, attempt 1 and 2) over the whole range. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
