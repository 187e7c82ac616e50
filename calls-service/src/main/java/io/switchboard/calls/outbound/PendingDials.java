package io.switchboard.calls.outbound;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.switchboard.platform.persistence.AfterCommit;

/**
 * Hands a dial plan from the consumer's transaction to the code that runs after it: a plan is kept only once its
 * transaction has committed (a rolled-back attempt, retried by the inbox, leaves none behind), and the provider is
 * asked only after {@link #collect} returned, outside every transaction.
 */
@ApplicationScoped
public class PendingDials {

    private static final ThreadLocal<List<DialPlan>> COLLECTING = new ThreadLocal<>();

    private final AfterCommit afterCommit;

    public PendingDials(AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
    }

    /** Runs the consumer and returns the plans its committed transaction(s) left. */
    public <T> List<DialPlan> collect(Supplier<T> consume) {
        List<DialPlan> plans = new ArrayList<>();
        COLLECTING.set(plans);
        try {
            consume.get();
            return plans;
        } finally {
            COLLECTING.remove();
        }
    }

    /** Keeps the plan for after the current transaction's commit. Fails (rolling it back) outside {@link #collect}. */
    public void add(DialPlan plan) {
        List<DialPlan> plans = COLLECTING.get();
        if (plans == null) {
            throw new IllegalStateException("a dial request is handled outside DialRequestConsumer: nobody would dial it");
        }
        afterCommit.run(() -> plans.add(plan));
    }
}
