package io.switchboard.simulator.play;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.switchboard.simulator.settings.Settings;

/** The plan drawn for a call: fast, no Quarkus. */
class PlannerTest {

    static final Instant NOW = Instant.parse("2026-11-22T05:00:00Z");

    static Settings settings(long seed) {
        Settings settings = new Settings();
        settings.seed = seed;
        settings.timeFactor = 0.01;
        return settings;
    }

    @Test
    void sameSeedNumberAndAttemptGiveTheSamePlan() {
        for (int attempt = 1; attempt <= 50; attempt++) {
            CallPlan a = Planner.plan(settings(3), "+14155550123", attempt, NOW);
            CallPlan b = Planner.plan(settings(3), "+14155550123", attempt, NOW);
            assertEquals(a.outcome(), b.outcome());
            assertEquals(a.intent(), b.intent());
            assertEquals(a.ringSeconds(), b.ringSeconds());
            assertEquals(a.talkSeconds(), b.talkSeconds());
            assertEquals(a.faults().nextLong(), b.faults().nextLong());
        }
    }

    @Test
    void outcomesFollowTheConfiguredWeights() {
        Settings settings = settings(11);
        Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            counts.merge(Planner.plan(settings, "+1415555" + (1000 + i % 5000), 1 + i / 5000, NOW).outcome(), 1, Integer::sum);
        }
        assertEquals(0.55, counts.get(Outcome.ANSWERED) / (double) n, 0.02);
        assertEquals(0.15, counts.get(Outcome.NO_ANSWER) / (double) n, 0.02);
        assertEquals(0.10, counts.get(Outcome.BUSY) / (double) n, 0.02);
        assertEquals(0.05, counts.get(Outcome.SILENT) / (double) n, 0.02);
    }

    @Test
    void aZeroWeightOutcomeNeverHappens() {
        Settings settings = settings(5);
        settings.outcomes.answered = 0;
        settings.outcomes.silent = 0;
        for (int i = 0; i < 2_000; i++) {
            Outcome outcome = Planner.plan(settings, "+1415555" + (1000 + i), 1, NOW).outcome();
            assertTrue(outcome != Outcome.ANSWERED && outcome != Outcome.SILENT, outcome.toString());
        }
        assertEquals(Outcome.FAILED, Planner.outcome(settings.outcomes, 0.9999999999));
    }

    @Test
    void callbacksAskForALocalTimeDuringTheDayOneOrTwoDaysLater() {
        Settings settings = settings(9);
        settings.outcomes.busy = settings.outcomes.noAnswer = settings.outcomes.voicemail = settings.outcomes.failed = settings.outcomes.silent = 0;
        settings.answered.callbackProbability = 1;
        settings.answered.doNotCallProbability = 0;
        for (int i = 0; i < 200; i++) {
            CallPlan plan = Planner.plan(settings, "+1415555" + (1000 + i), 1, NOW);
            assertEquals(Intent.CALLBACK, plan.intent());
            assertNotNull(plan.callbackLocal());
            assertTrue(plan.callbackLocal().matches("2026-11-2[34]T(09|1[0-7]):(00|30)"), plan.callbackLocal());
            assertTrue(plan.talkSeconds() >= settings.timing.talkMinSeconds && plan.talkSeconds() <= settings.timing.talkMaxSeconds);
        }
    }

    @Test
    void onlyAnsweredCallsCarryAnIntent() {
        Settings settings = settings(2);
        settings.outcomes.answered = 0;
        settings.answered.doNotCallProbability = 1;
        settings.answered.callbackProbability = 0;
        for (int i = 0; i < 200; i++) {
            CallPlan plan = Planner.plan(settings, "+1415555" + (1000 + i), 1, NOW);
            assertEquals(Intent.NONE, plan.intent());
            assertNull(plan.callbackLocal());
        }
    }

    @Test
    void unansweredCallsRingForTheNoAnswerTimeAndTalkZero() {
        Settings settings = settings(4);
        settings.outcomes.answered = settings.outcomes.busy = settings.outcomes.voicemail = settings.outcomes.failed = settings.outcomes.silent = 0;
        CallPlan plan = Planner.plan(settings, "+14155550123", 1, NOW);
        assertEquals(Outcome.NO_ANSWER, plan.outcome());
        assertEquals(30, plan.ringSeconds());
        assertEquals(0, plan.talkSeconds());
    }
}
