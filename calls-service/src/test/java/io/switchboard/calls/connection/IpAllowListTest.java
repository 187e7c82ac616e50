package io.switchboard.calls.connection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class IpAllowListTest {

    @ParameterizedTest
    @ValueSource(strings = { "13.200.45.61", "203.0.113.0/24", "0.0.0.0/0", "2001:db8::/32", "::1", "2001:db8::1/128" })
    void addressesAndRangesAreAccepted(String entry) {
        assertTrue(IpAllowList.problem(entry).isEmpty(), entry);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", " ", "bolna.ai", "203.0.113.0/33", "2001:db8::/129", "203.0.113.0/", "203.0.113.0/x",
            "256.1.1.1", "203.0.113.0/24/8", "1.2.3", "::ffff:203.0.113.1/100" })
    void anythingElseIsRefused(String entry) {
        assertTrue(IpAllowList.problem(entry).isPresent(), entry);
    }

    @Test
    void aRangeMatchesItsAddressesOnly() {
        List<String> allowed = List.of("203.0.113.0/24");
        assertTrue(IpAllowList.allows(allowed, "203.0.113.0"));
        assertTrue(IpAllowList.allows(allowed, "203.0.113.255"));
        assertFalse(IpAllowList.allows(allowed, "203.0.112.255"));
        assertFalse(IpAllowList.allows(allowed, "2001:db8::1"));
        assertFalse(IpAllowList.allows(List.of(), "203.0.113.1"));
    }
}
