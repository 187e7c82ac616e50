package io.switchboard.platform.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class StorableTimeTest {

    private final StorableTime.Validator validator = new StorableTime.Validator();

    @Test
    void yearsOneToNineThousandNineHundredNinetyNineAreStorable() {
        assertTrue(validator.isValid(LocalDate.of(1, 1, 1), null));
        assertTrue(validator.isValid(LocalDate.of(9999, 12, 31), null));
        assertTrue(validator.isValid(OffsetDateTime.of(2026, 11, 22, 3, 0, 0, 0, ZoneOffset.ofHours(14)), null));
        assertTrue(validator.isValid(Instant.parse("2026-11-22T03:00:00Z"), null));
        assertTrue(validator.isValid(null, null));
    }

    @Test
    void yearsPostgresCannotStoreOrPeopleDoNotMeanAreRefused() {
        assertFalse(validator.isValid(LocalDate.of(10000, 1, 1), null));
        assertFalse(validator.isValid(LocalDate.MIN, null));
        assertFalse(validator.isValid(OffsetDateTime.MAX, null));
        assertFalse(validator.isValid(OffsetDateTime.MIN, null));
        assertFalse(validator.isValid(Instant.MAX, null));
        // 9999-12-31T23:00-05:00 is already year 10000 in UTC
        assertFalse(validator.isValid(OffsetDateTime.of(9999, 12, 31, 23, 0, 0, 0, ZoneOffset.ofHours(-5)), null));
    }
}
