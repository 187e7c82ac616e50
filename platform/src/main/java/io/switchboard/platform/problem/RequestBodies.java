package io.switchboard.platform.problem;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Bean Validation for a request body that a resource takes <em>without</em> {@code @Valid}, because the item
 * its path names must be found first: another tenant's (or an unknown) id is a 404 whatever the body says,
 * so a body cannot tell a caller that the id exists. Call it after the lookup; violations render exactly
 * like {@code @Valid} ones (400, {@code errors[].field} naming each offending field).
 */
@ApplicationScoped
public class RequestBodies {

    private final Validator validator;

    @Inject
    public RequestBodies(Validator validator) {
        this.validator = validator;
    }

    public <T> T validate(T body) {
        if (body == null) {
            throw ProblemException.badField("body", "a JSON object is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(body);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return body;
    }
}
