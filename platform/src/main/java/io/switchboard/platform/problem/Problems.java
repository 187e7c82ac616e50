package io.switchboard.platform.problem;

import java.util.List;

import jakarta.ws.rs.core.Response;

import org.jboss.logging.MDC;

import io.switchboard.platform.request.RequestIds;

/** Builds problem responses; the one place that knows the media type and the request id. */
public final class Problems {

    private Problems() {
    }

    public static Response response(int status, String slug, String title, String detail, String instance,
            List<Problem.FieldError> errors) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.type(slug), title, status, detail, instance, currentRequestId(), errors))
                .build();
    }

    public static String currentRequestId() {
        Object id = MDC.get(RequestIds.MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The reason phrase for a status, or a generic title. */
    public static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : (status >= 500 ? "Server Error" : "Request Error");
    }

    public static String slug(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 415 -> "unsupported-media-type";
            case 429 -> "rate-limited";
            case 502 -> "bad-gateway";
            case 503 -> "unavailable";
            case 504 -> "upstream-timeout";
            default -> status >= 500 ? "server-error" : "request-error";
        };
    }
}
