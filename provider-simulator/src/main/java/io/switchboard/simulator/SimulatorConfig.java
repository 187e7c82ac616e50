package io.switchboard.simulator;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Start-up configuration; the playing settings (distribution, time factor, faults, seed) change at run time. */
@ConfigMapping(prefix = "switchboard.simulator")
public interface SimulatorConfig {

    /** Where webhooks go when an account names no webhookBaseUrl: the platform's public base URL. */
    @WithDefault("http://localhost:8080")
    String platformBaseUrl();

    @WithDefault("42")
    long seed();

    @WithDefault("0.01")
    double timeFactor();

    Delivery delivery();

    /** How many calls GET /sim/calls keeps (oldest dropped first); the counters of /sim/stats keep everything. */
    @WithDefault("2000")
    int maxCallsKept();

    interface Delivery {
        /** Attempts per webhook, the first included. */
        @WithDefault("4")
        int attempts();

        /** Wait before the first retry, doubled for each further one. */
        @WithDefault("500ms")
        Duration backoff();

        @WithDefault("5s")
        Duration timeout();
    }
}
