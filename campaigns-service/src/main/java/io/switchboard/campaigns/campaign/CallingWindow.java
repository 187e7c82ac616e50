package io.switchboard.campaigns.campaign;

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
 * Both window ends or neither, and start before end. A bean constraint rather than a service check so
 * the problem lists these fields together with any other invalid field; each violation names its field.
 */
@Documented
@Constraint(validatedBy = CallingWindow.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CallingWindow {

    String message() default "calling window start must be before its end";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CallingWindow, CreateCampaignRequest> {
        @Override
        public boolean isValid(CreateCampaignRequest request, ConstraintValidatorContext context) {
            if (request == null) {
                return true;
            }
            String start = request.callingWindowStart();
            String end = request.callingWindowEnd();
            if (start == null && end == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (start == null || end == null) {
                String missing = start == null ? "callingWindowStart" : "callingWindowEnd";
                violation(context, missing, "is required when the other end of the calling window is given");
                return false;
            }
            if (!start.matches(CreateCampaignRequest.HH_MM_PATTERN) || !end.matches(CreateCampaignRequest.HH_MM_PATTERN)) {
                return true; // @Pattern reports the malformed end
            }
            if (CreateCampaignRequest.time(start).isBefore(CreateCampaignRequest.time(end))) {
                return true;
            }
            violation(context, "callingWindowStart", "must be before callingWindowEnd (windows do not span midnight)");
            violation(context, "callingWindowEnd", "must be after callingWindowStart (windows do not span midnight)");
            return false;
        }

        private static void violation(ConstraintValidatorContext context, String field, String message) {
            context.buildConstraintViolationWithTemplate(message).addPropertyNode(field).addConstraintViolation();
        }
    }
}
