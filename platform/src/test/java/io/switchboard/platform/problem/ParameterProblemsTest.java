package io.switchboard.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class ParameterProblemsTest {

    @Test
    void valuesJaxRsCannotConvertAreDetected() {
        assertFalse(ParameterProblems.converts("abc", int.class));
        assertFalse(ParameterProblems.converts("99999999999", int.class));
        assertFalse(ParameterProblems.converts("1.5", Integer.class));
        assertFalse(ParameterProblems.converts("not-a-uuid", UUID.class));
        assertFalse(ParameterProblems.converts("2026-02-30", LocalDate.class));
        assertFalse(ParameterProblems.converts("yesterday", OffsetDateTime.class));
        assertFalse(ParameterProblems.converts("maybe", boolean.class));
    }

    @Test
    void valuesJaxRsConvertsAreNotBlamed() {
        assertTrue(ParameterProblems.converts("-1", int.class)); // a range problem, for Bean Validation to name
        assertTrue(ParameterProblems.converts(UUID.randomUUID().toString(), UUID.class));
        assertTrue(ParameterProblems.converts("2026-02-28", LocalDate.class));
        assertTrue(ParameterProblems.converts("anything", String.class));
        assertTrue(ParameterProblems.converts("anything", Object.class));
    }
}
