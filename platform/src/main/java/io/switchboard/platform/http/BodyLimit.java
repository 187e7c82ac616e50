package io.switchboard.platform.http;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.switchboard.platform.problem.Problem;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * THE request-body limit of a service that must also take streamed uploads. Such a service sets
 * {@code quarkus.http.limits.max-body-size} high enough for its uploads, names them (POST paths, regular expressions)
 * in {@code switchboard.http.streamed-uploads}, and every other request gets {@code switchboard.http.max-body-bytes}:
 * a declared Content-Length over it is answered 413 problem+json before the body is read; a body without one
 * (chunked) is cut at the limit while the REST layer reads it (Quarkus's per-request limit). The streamed endpoints
 * enforce their own limits. Without {@code switchboard.http.max-body-bytes} this does nothing (Quarkus's global limit
 * applies to everything).
 */
@ApplicationScoped
public class BodyLimit {

    private static final Logger LOG = Logger.getLogger(BodyLimit.class);
    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_EMPTY);

    private final Optional<Long> limit;
    private final List<Pattern> streamed;

    @Inject
    public BodyLimit(@ConfigProperty(name = "switchboard.http.max-body-bytes") Optional<Long> limit,
            @ConfigProperty(name = "switchboard.http.streamed-uploads") Optional<List<String>> streamed) {
        this.limit = limit;
        this.streamed = streamed.orElse(List.of()).stream().map(Pattern::compile).toList();
    }

    void install(@Observes Router router) {
        // after Quarkus's own upload limit (the global, high one), before anything reads the body
        limit.ifPresent(max -> router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(ctx -> handle(ctx, max)));
    }

    public boolean streamed(HttpMethod method, String path) {
        return HttpMethod.POST.equals(method) && streamed.stream().anyMatch(p -> p.matcher(path).matches());
    }

    private void handle(RoutingContext ctx, long max) {
        String path = ctx.normalizedPath();
        if (streamed(ctx.request().method(), path)) {
            ctx.next();
            return;
        }
        String declared = ctx.request().getHeader(HttpHeaderNames.CONTENT_LENGTH);
        long length = -1;
        if (declared != null) {
            try {
                length = Long.parseLong(declared.trim());
            } catch (NumberFormatException e) {
                // Vert.x refuses a malformed Content-Length itself
            }
        }
        if (length > max) {
            LOG.infof("request body refused path=%s bytes=%d limit=%d", path, length, max);
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaderNames.CONNECTION, "close")
                    .end(tooLarge(max, path));
            return;
        }
        ctx.put(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY, max);
        ctx.next();
    }

    static String tooLarge(long max, String path) {
        try {
            return JSON.writeValueAsString(new Problem(Problem.type("payload-too-large"), "Payload Too Large", 413,
                    "the request body is larger than the limit of " + max + " bytes", path, null, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
