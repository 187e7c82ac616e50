package io.switchboard.gateway.edge;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CanonicalPathsTest {

    @ParameterizedTest
    @ValueSource(strings = { "/", "/api/v1/calls", "/api/v1/calls/42", "/webhooks/vapi/conn-1/events",
            "/api/v1/contacts/a%20b", "/api/v1/contacts/%C3%A9", "/api/v1/contacts/50%25", "/api/v1/x.y/..z/.a/a..",
            "/api/v1/calls/", "/q/health/live" })
    void plainPathsAreCanonical(String path) {
        assertNull(CanonicalPaths.problem(path), path);
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "api/v1/calls", "*", "//api/v1/calls", "/api//v1/calls", "/webhooks/../api/v1/calls",
            "/api/v1/calls/..", "/api/./v1/calls", "/.", "/%61pi/v1/calls", "/api/v1/c%41lls", "/api/v1/calls%2Fx",
            "/api/v1/calls%2fx", "/api/v1/calls/%2e%2e/x", "/webhooks%5C..%5Capi", "/webhooks\\..\\api/v1/calls",
            "/webhooks/..;/api/v1/calls", "/api/v1/calls;jsessionid=1", "/api/v1/calls/%", "/api/v1/calls/%4",
            "/api/v1/calls/%zz", "/api/v1/calls/%00", "/api/v1/calls/a b", "/api/v1/%7Euser" })
    void trickPathsAreNot(String path) {
        assertNotNull(CanonicalPaths.problem(path), path);
    }
}
