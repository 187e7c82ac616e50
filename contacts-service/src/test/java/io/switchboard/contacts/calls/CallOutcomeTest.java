package io.switchboard.contacts.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CallOutcomeTest {

    @Test
    void theStatusDecidesWithoutADisposition() {
        assertEquals(Optional.of(CallOutcome.BUSY), CallOutcome.of("busy", null));
        assertEquals(Optional.of(CallOutcome.NO_ANSWER), CallOutcome.of("no_answer", null));
        assertEquals(Optional.of(CallOutcome.NOT_CONNECTED), CallOutcome.of("failed", null));
        assertEquals(Optional.empty(), CallOutcome.of("completed", null));
        assertEquals(Optional.empty(), CallOutcome.of("canceled", null));
    }

    @Test
    void anUnreachedDispositionOverridesTheStatus() {
        assertEquals(Optional.of(CallOutcome.NOT_CONNECTED), CallOutcome.of("completed", "Not Connected"));
        assertEquals(Optional.of(CallOutcome.NO_ANSWER), CallOutcome.of("completed", "no-answer"));
        assertEquals(Optional.of(CallOutcome.BUSY), CallOutcome.of("failed", "busy"));
        // a disposition that says nothing about reaching the person leaves the status to decide
        assertEquals(Optional.of(CallOutcome.BUSY), CallOutcome.of("busy", "callback"));
        assertEquals(Optional.empty(), CallOutcome.of("completed", "sale"));
    }
}
