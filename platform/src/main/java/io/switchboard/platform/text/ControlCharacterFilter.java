package io.switchboard.platform.text;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.Problems;

/** Query parameters follow the same {@link ControlCharacters} rule as JSON strings: 400 naming the parameter. */
public class ControlCharacterFilter {

    @ServerRequestFilter(priority = Priorities.USER + 100)
    public Response rejectControlCharacters(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            boolean bad = ControlCharacters.containsForbidden(parameter.getKey())
                    || parameter.getValue().stream().anyMatch(ControlCharacters::containsForbidden);
            if (bad) {
                String name = ControlCharacters.containsForbidden(parameter.getKey()) ? "query" : parameter.getKey();
                return Problems.response(400, "validation", "Invalid request", name + ": " + ControlCharacters.MESSAGE,
                        uri.getPath(), List.of(new Problem.FieldError(name, ControlCharacters.MESSAGE)));
            }
        }
        return null;
    }
}
