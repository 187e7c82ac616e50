package io.switchboard.gateway.failure;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.failure-log")
public interface FailureLogConfig {

    @WithDefault("true")
    boolean enabled();

    /** Failures waiting to be written; beyond this they are dropped (and counted) rather than slow anything. */
    @WithDefault("10000")
    int queueCapacity();

    /** Rows per INSERT batch. */
    @WithDefault("500")
    int batchSize();

    /** Rows older than this are deleted by the daily clean-up. */
    @WithDefault("30")
    int retentionDays();

    // the two schedules read these through @Scheduled expressions; declared here so the keys live in one place

    /** How often buffered failures are written. */
    @WithDefault("2s")
    Duration flushInterval();

    /** When the retention clean-up runs (Quartz-style cron). */
    @WithDefault("0 17 3 * * ?")
    String retentionCron();
}
