package io.switchboard.gateway.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;

/** A problem that must carry protocol headers: 401 (WWW-Authenticate), 403, 429 (Retry-After, RateLimit-*). */
public class AuthProblem extends ProblemException {

    private final Map<String, String> headers;

    public AuthProblem(int status, String slug, String title, String detail, List<Problem.FieldError> errors,
            Map<String, String> headers) {
        super(status, slug, title, detail, errors);
        this.headers = Map.copyOf(headers);
    }

    public static AuthProblem unauthorized(String detail) {
        return new AuthProblem(401, "unauthorized", "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"switchboard\""));
    }

    /** RFC 6750 {@code invalid_token}: a credential was sent but is not (or no longer) good. */
    public static AuthProblem invalidToken(String detail) {
        return new AuthProblem(401, "unauthorized", "Unauthorized", detail, List.of(),
                Map.of("WWW-Authenticate", "Bearer realm=\"switchboard\", error=\"invalid_token\""));
    }

    public static AuthProblem forbidden(String detail) {
        return new AuthProblem(403, "forbidden", "Forbidden", detail, List.of(), Map.of());
    }

    public static AuthProblem insufficientScope(String scope) {
        return new AuthProblem(403, "insufficient-scope", "Forbidden", "this request needs the scope " + scope,
                List.of(), Map.of("WWW-Authenticate",
                        "Bearer realm=\"switchboard\", error=\"insufficient_scope\", scope=\"" + scope + "\""));
    }

    public static AuthProblem tenantSuspended() {
        return new AuthProblem(403, "tenant-suspended", "Forbidden", "the organization is suspended", List.of(),
                Map.of());
    }

    public static AuthProblem tooManyRequests(String detail, long retryAfterSeconds, Map<String, String> extra) {
        Map<String, String> headers = new LinkedHashMap<>(extra);
        headers.put("Retry-After", Long.toString(Math.max(1, retryAfterSeconds)));
        return new AuthProblem(429, "rate-limited", "Too Many Requests", detail, List.of(), headers);
    }

    public Map<String, String> headers() {
        return headers;
    }
}
