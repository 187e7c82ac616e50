package io.switchboard.gateway.credits;

import java.time.Duration;

/** Retries an assertion until it holds or the time is up (then its last failure is thrown). */
public final class Eventually {

    private Eventually() {
    }

    public static void holds(Duration timeout, Runnable assertion) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                assertion.run();
                return;
            } catch (AssertionError e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }
}
