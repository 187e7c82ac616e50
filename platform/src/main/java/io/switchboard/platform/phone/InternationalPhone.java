package io.switchboard.platform.phone;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
/**
 * A number {@link PhoneNumbers#e164} accepts. A bean constraint (not a service check) so one bad request
 * lists every offending field at once; blank values are left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = InternationalPhone.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface InternationalPhone {

    String message() default "must be a valid international number like +14155550123";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<InternationalPhone, String> {
        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.isBlank() || PhoneNumbers.e164(value).isPresent();
        }
    }
}
