package io.switchboard.campaigns.campaign;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import io.switchboard.platform.phone.PhoneNumbers;

/**
 * The rules between a campaign's fields (dates in order, a zone for the campaign policy, a known region, a usable
 * pre-dial hook), as a bean constraint so they are listed with every other invalid field, each naming its field.
 */
@Documented
@Constraint(validatedBy = CampaignRules.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface CampaignRules {

    String message() default "campaign settings are inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<CampaignRules, CreateCampaignRequest> {

        /** Plain http only to the local machine (development and tests); the tenant's endpoints are https. */
        private static final Set<String> LOCAL_HOSTS = Set.of("localhost", "127.0.0.1", "[::1]");

        @Override
        public boolean isValid(CreateCampaignRequest r, ConstraintValidatorContext context) {
            if (r == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            boolean valid = true;
            if (r.startDate() != null && r.endDate() != null && r.endDate().isBefore(r.startDate())) {
                valid = violation(context, "endDate", "must not be before startDate");
            }
            if ("campaign".equals(r.timeZonePolicy()) && r.timeZone() == null) {
                valid = violation(context, "timeZone", "is required when timeZonePolicy is campaign");
            }
            if (r.defaultRegion() != null && !PhoneNumbers.isRegion(r.defaultRegion())) {
                valid = violation(context, "defaultRegion", "must be an ISO 3166-1 alpha-2 region like US or GB");
            }
            CreateCampaignRequest.PreDialHook hook = r.preDialHook();
            if (hook != null) {
                if (hook.url() == null) {
                    valid = violation(context, "preDialHook.url", "is required (set preDialHook to null to remove the hook)");
                } else if (!usableUrl(hook.url())) {
                    valid = violation(context, "preDialHook.url", "must be an absolute https URL");
                }
                if (hook.secret() == null) {
                    valid = violation(context, "preDialHook.secret", "is required: requests to the hook are signed with it");
                }
            }
            return valid;
        }

        static boolean usableUrl(String url) {
            try {
                URI uri = new URI(url);
                if (uri.getHost() == null) {
                    return false;
                }
                return "https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && LOCAL_HOSTS.contains(uri.getHost()));
            } catch (java.net.URISyntaxException e) {
                return false;
            }
        }

        private static boolean violation(ConstraintValidatorContext context, String field, String message) {
            var builder = context.buildConstraintViolationWithTemplate(message);
            String[] path = field.split("\\.");
            var node = builder.addPropertyNode(path[0]);
            for (int i = 1; i < path.length; i++) {
                node = node.addPropertyNode(path[i]);
            }
            node.addConstraintViolation();
            return false;
        }
    }
}
