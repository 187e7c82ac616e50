package io.switchboard.platform.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;

import io.switchboard.platform.text.ControlCharacters;
import io.switchboard.platform.text.RejectControlCharacters;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * Every error leaves a service as {@code application/problem+json}: validation lists the offending
 * fields, malformed JSON names where it broke, unknown routes are 404, and nothing unexpected ever
 * leaks a stack trace (it is logged with the request id instead).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response response = Problems.response(e.status(), e.slug(), e.title(), e.getMessage(), path(uri), e.errors());
        return e.status() == 401 ? Response.fromResponse(response).header("WWW-Authenticate", "Bearer").build() : response;
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problems.response(400, "validation", "Invalid request", detail, path(uri), errors);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException) {
            return Problems.response(400, "malformed-json", "Malformed JSON",
                    "the request body is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr() + ")",
                    path(uri), List.of());
        }
        String field = e instanceof JsonMappingException m ? jsonPath(m) : "";
        if (e instanceof RejectControlCharacters.ControlCharacterException && !field.isEmpty()) {
            return Problems.response(400, "validation", "Invalid request", field + ": " + ControlCharacters.MESSAGE,
                    path(uri), List.of(new Problem.FieldError(field, ControlCharacters.MESSAGE)));
        }
        String message = e.getOriginalMessage();
        if (message != null && message.length() > 200) {
            message = message.substring(0, 200);
        }
        List<Problem.FieldError> errors = field.isEmpty() ? List.of()
                : List.of(new Problem.FieldError(field, "has the wrong type or format"));
        return Problems.response(400, "malformed-json", "Malformed JSON",
                field.isEmpty() ? "the request body does not match the expected shape" : field + ": " + message, path(uri),
                errors);
    }

    /** Quarkus ships its own mapper for this subtype; ours must be at least as specific to win. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    /** More specific than Jackson's own mappers, so a control character is always our validation problem. */
    @ServerExceptionMapper
    public Response controlCharacter(RejectControlCharacters.ControlCharacterException e, UriInfo uri) {
        return malformedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri, ResourceInfo resource, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, uri);
        }
        if (parameterConversionFailed(e)) {
            // RESTEasy answers a query/path value it cannot convert (limit=abc, a non-UUID id) with a bare 404:
            // the route exists, the request is wrong, so say which parameter
            return ParameterProblems.find(resource, uri, headers)
                    .map(p -> Problems.response(400, "validation", "Invalid request", p.name() + ": " + p.message(),
                            path(uri), List.of(new Problem.FieldError(p.name(), p.message()))))
                    .orElseGet(() -> Problems.response(400, "bad-request", "Bad Request",
                            "a query, path or header parameter has the wrong type or format", path(uri), List.of()));
        }
        String detail = switch (status) {
            case 404 -> "no resource at " + path(uri);
            case 405 -> "method not allowed on " + path(uri);
            default -> e.getMessage();
        };
        Response problem = Problems.response(status, Problems.slug(status), Problems.title(status), detail, path(uri), List.of());
        // keep protocol headers the original response carried (Allow, Retry-After, WWW-Authenticate ...)
        Response.ResponseBuilder builder = Response.fromResponse(problem);
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> builder.header(name, v));
            }
        });
        return builder.build();
    }

    /** What RESTEasy Reactive's ParameterHandler throws when a converter fails: a 404/400 caused by the failure. */
    private static boolean parameterConversionFailed(WebApplicationException e) {
        return (e instanceof NotFoundException || e instanceof BadRequestException) && e.getCause() != null
                && !(e.getCause() instanceof WebApplicationException);
    }

    @ServerExceptionMapper
    public Response unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(401, "unauthorized", "Unauthorized",
                "a valid bearer token is required", path(uri), List.of()))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(null, uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(403, "forbidden", "Forbidden", "not allowed for this caller", path(uri), List.of());
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s (request %s)", path(uri), Problems.currentRequestId());
        return Problems.response(500, "server-error", "Internal Server Error",
                "something went wrong on our side; quote the request id when reporting it", path(uri), List.of());
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** {@code create.body.items[0].phone} -> {@code items[0].phone}; a bare query/path parameter keeps its name. */
    public static String field(ConstraintViolation<?> v) {
        List<String> names = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                if (node.isInIterable() && !names.isEmpty()) {
                    int last = names.size() - 1;
                    names.set(last, names.get(last) + "[" + (node.getIndex() != null ? node.getIndex() : node.getKey()) + "]");
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    names.add(node.getName());
                }
            }
        }
        if (!names.isEmpty()) {
            return String.join(".", names);
        }
        return parameter != null ? parameter : v.getPropertyPath().toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
