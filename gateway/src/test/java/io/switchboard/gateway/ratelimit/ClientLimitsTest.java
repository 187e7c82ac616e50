package io.switchboard.gateway.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The bucket arithmetic alone: milliseconds, no gateway. */
class ClientLimitsTest {

    private static RateLimitConfig config(boolean enabled, int failures, int signupPerIp, int signupGlobal) {
        RateLimitConfig.Client client = new RateLimitConfig.Client() {
            public int failedAuthPerIp() { return failures; }
            public Duration failedAuthWindow() { return Duration.ofMinutes(15); }
            public int signupPerIp() { return signupPerIp; }
            public int signupGlobal() { return signupGlobal; }
            public Duration signupWindow() { return Duration.ofHours(1); }
        };
        return new RateLimitConfig() {
            public boolean enabled() { return enabled; }
            public int tenantPerMinute() { return 600; }
            public int apiKeyPerMinute() { return 300; }
            public Client client() { return client; }
        };
    }

    @Test
    void anAddressIsRefusedOnceItHasUsedUpItsFailuresAndOthersAreNot() {
        ClientLimits limits = new ClientLimits(config(true, 3, 5, 100));
        for (int i = 0; i < 3; i++) {
            assertNull(limits.checkFailures("192.0.2.1"), "failure " + i);
            limits.recordFailure("192.0.2.1");
        }
        ClientLimits.Refusal refusal = limits.checkFailures("192.0.2.1");
        assertNotNull(refusal);
        assertTrue(refusal.retryAfterSeconds() >= 1 && refusal.retryAfterSeconds() <= 15 * 60, refusal.toString());
        assertNull(limits.checkFailures("192.0.2.2"));
    }

    @Test
    void signUpsAreLimitedPerAddressAndForEverybodyTogether() {
        ClientLimits limits = new ClientLimits(config(true, 3, 2, 3));
        assertNull(limits.takeSignup("192.0.2.1"));
        assertNull(limits.takeSignup("192.0.2.1"));
        assertEquals("too many sign-ups from this address", limits.takeSignup("192.0.2.1").detail());
        assertNull(limits.takeSignup("192.0.2.2"));
        ClientLimits.Refusal global = limits.takeSignup("192.0.2.3");
        assertEquals("too many sign-ups right now", global.detail());
        assertTrue(global.retryAfterSeconds() >= 1);
    }

    @Test
    void nothingIsLimitedWhenRateLimitsAreOff() {
        ClientLimits limits = new ClientLimits(config(false, 1, 1, 1));
        limits.recordFailure("192.0.2.1");
        limits.recordFailure("192.0.2.1");
        assertNull(limits.checkFailures("192.0.2.1"));
        assertNull(limits.takeSignup("192.0.2.1"));
        assertNull(limits.takeSignup("192.0.2.1"));
    }
}
