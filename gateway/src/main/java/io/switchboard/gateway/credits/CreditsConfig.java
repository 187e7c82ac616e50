package io.switchboard.gateway.credits;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "switchboard.credits")
public interface CreditsConfig {

    /** Credits a completed call costs per started minute (a 61-second call is two minutes). */
    @WithDefault("1")
    int creditsPerMinute();

    /** Credits a new organization starts with ({@link CreditService#openAccount}); the seed's users.credits default. */
    @WithDefault("15")
    int signupCredits();
}
