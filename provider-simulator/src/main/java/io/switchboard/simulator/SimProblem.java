package io.switchboard.simulator;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** The simulator's own API answers errors as RFC 9457 problem+json naming the offending fields. */
public final class SimProblem {

    private SimProblem() {
    }

    public static Response badRequest(List<String> problems) {
        return Response.status(400).type("application/problem+json")
                .entity(Map.of("title", "invalid request", "status", 400, "detail", String.join("; ", problems), "errors", problems))
                .build();
    }

    public static Response of(int status, String title, String detail) {
        return Response.status(status).type("application/problem+json")
                .entity(Map.of("title", title, "status", status, "detail", detail)).build();
    }
}
