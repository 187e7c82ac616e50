package io.switchboard.platform.testapp;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Tells {@link CallCreatedRecorder} how often to fail for one call id, and counts its invocations. */
public final class FailurePlan {

    public enum Kind {
        /** PostgreSQL's serialization_failure (SQLSTATE 40001): may pass on a retry. */
        TRANSIENT,
        /** check_violation (23514): fails the same way every time. */
        PERMANENT
    }

    private record Plan(Kind kind, AtomicInteger failuresLeft) {
    }

    private static final Map<String, Plan> PLANS = new ConcurrentHashMap<>();
    private static final Map<String, AtomicInteger> INVOCATIONS = new ConcurrentHashMap<>();
    private static final List<String> SEQUENCE = new CopyOnWriteArrayList<>();

    private FailurePlan() {
    }

    public static void fail(String callId, Kind kind, int times) {
        PLANS.put(callId, new Plan(kind, new AtomicInteger(times)));
    }

    public static void heal(String callId) {
        PLANS.remove(callId);
    }

    public static int invocations(String callId) {
        AtomicInteger n = INVOCATIONS.get(callId);
        return n == null ? 0 : n.get();
    }

    /** Every invocation's call id, in the order the handler ran them (since the JVM started). */
    public static List<String> sequence() {
        return List.copyOf(SEQUENCE);
    }

    /** Counts the invocation; returns the failure to raise now, or null. */
    static Kind next(String callId) {
        SEQUENCE.add(callId);
        INVOCATIONS.computeIfAbsent(callId, k -> new AtomicInteger()).incrementAndGet();
        Plan plan = PLANS.get(callId);
        if (plan == null || plan.failuresLeft().getAndDecrement() <= 0) {
            return null;
        }
        return plan.kind();
    }
}
