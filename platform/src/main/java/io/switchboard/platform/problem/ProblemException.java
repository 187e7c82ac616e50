package io.switchboard.platform.problem;

import java.util.List;

/** A business rule said no: thrown by services, rendered as a problem with the given status. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not Found", what + " " + id + " does not exist", List.of());
    }

    public static ProblemException badField(String field, String message) {
        return new ProblemException(400, "validation", "Invalid request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /** 400 naming every offending field at once (sorted by field), as a Bean Validation failure is answered. */
    public static ProblemException invalid(List<Problem.FieldError> errors) {
        List<Problem.FieldError> sorted = errors.stream().sorted(java.util.Comparator.comparing(Problem.FieldError::field)).toList();
        String detail = sorted.stream().map(f -> f.field() + ": " + f.message()).collect(java.util.stream.Collectors.joining("; "));
        return new ProblemException(400, "validation", "Invalid request", detail, sorted);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "conflict", "Conflict", detail, List.of());
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
