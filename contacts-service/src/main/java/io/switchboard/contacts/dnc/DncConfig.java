package io.switchboard.contacts.dnc;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.dnc")
public interface DncConfig {

    /** The largest number file a bulk add/remove takes (bytes); a larger one is answered 413 and changes nothing. */
    @WithDefault("5242880")
    long maxUploadBytes();

    /** Per-row errors listed in a bulk answer; the count of failed rows is always exact. */
    @WithDefault("1000")
    int maxReportedErrors();
}
