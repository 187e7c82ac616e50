package io.switchboard.contacts.followup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.switchboard.platform.problem.ProblemException;

class DueFilterTest {

    @Test
    void beforeAnInstantIsReadInUtcAndAbsentMeansNoFilter() {
        assertEquals(Optional.of(OffsetDateTime.of(2026, 11, 30, 23, 0, 0, 0, ZoneOffset.UTC)),
                DueFilter.before("before:2026-12-01T00:00:00+01:00"));
        assertEquals(Optional.empty(), DueFilter.before(null));
        assertEquals(Optional.empty(), DueFilter.before(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "2026-12-01T00:00:00Z", "before:", "before:2026-12-01", "after:2026-12-01T00:00:00Z",
            "before:+10000-01-01T00:00:00Z", "BEFORE:2026-12-01T00:00:00Z" })
    void anythingElseIsABadRequestNamingDue(String due) {
        ProblemException e = assertThrows(ProblemException.class, () -> DueFilter.before(due));
        assertEquals(400, e.status());
        assertEquals("due", e.errors().get(0).field());
    }
}
