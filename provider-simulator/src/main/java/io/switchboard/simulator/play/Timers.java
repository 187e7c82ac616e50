package io.switchboard.simulator.play;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * The clock every call plays on: one thread firing timers in due order (ties in the order they were set), so a
 * call's webhooks leave in the order their times say. Millisecond timers, because scaled call times are often far
 * below the second Quarkus's {@code @Scheduled} triggers work in. A reset starts a new generation: timers of the
 * old one do nothing when they fire.
 */
@ApplicationScoped
public class Timers {

    private static final Logger LOG = Logger.getLogger(Timers.class);

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "simulator-timers");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong generation = new AtomicLong();

    public long generation() {
        return generation.get();
    }

    public void newGeneration() {
        generation.incrementAndGet();
    }

    /** Runs {@code task} after {@code delayMillis} unless a reset came first; a failing task is logged, never fatal. */
    public void at(long delayMillis, long generationWhenSet, Runnable task) {
        executor.schedule(() -> {
            if (generation.get() != generationWhenSet) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warnf(e, "simulator timer failed");
            }
        }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        executor.shutdownNow();
    }
}
