package io.switchboard.gateway.proxy;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.switchboard.platform.problem.Problem;
import io.vertx.core.buffer.Buffer;

/** Problem bodies for answers the gateway gives outside Quarkus REST (upstream failures), same shape as the services'. */
@ApplicationScoped
public class ProblemBodies {

    @Inject
    ObjectMapper mapper;

    public Buffer render(int status, String slug, String title, String detail, String instance, String requestId) {
        Problem problem = new Problem(Problem.type(slug), title, status, detail, instance, requestId, List.of());
        try {
            return Buffer.buffer(mapper.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render problem", e);
        }
    }
}
