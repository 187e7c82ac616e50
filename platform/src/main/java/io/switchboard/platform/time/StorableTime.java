package io.switchboard.platform.time;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.Temporal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date or instant PostgreSQL can store and people mean: years 0001..9999 (UTC). Java's types reach year
 * 999,999,999, PostgreSQL's {@code timestamptz} stops at 294276 and a statement with such a value fails
 * as a server error; so an absurd year is a 400 on its field. Applies to {@link LocalDate},
 * {@link OffsetDateTime} and {@link Instant}; null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = StorableTime.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface StorableTime {

    String message() default "must be between 0001-01-01 and 9999-12-31";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<StorableTime, Temporal> {
        @Override
        public boolean isValid(Temporal value, ConstraintValidatorContext context) {
            return value == null || isStorable(value);
        }

        /** The rule itself, for values that arrive as query parameters or file cells rather than validated bodies. */
        public static boolean isStorable(Temporal value) {
            int year;
            try {
                year = yearInUtc(value);
            } catch (java.time.DateTimeException e) {
                return false; // beyond what java.time can even shift to UTC
            }
            return year >= 1 && year <= 9999;
        }

        private static int yearInUtc(Temporal value) {
            int year;
            if (value instanceof LocalDate date) {
                year = date.getYear();
            } else if (value instanceof OffsetDateTime time) {
                year = time.withOffsetSameInstant(ZoneOffset.UTC).getYear();
            } else if (value instanceof Instant instant) {
                year = instant.atOffset(ZoneOffset.UTC).getYear();
            } else {
                year = 1;
            }
            return year;
        }
    }
}
