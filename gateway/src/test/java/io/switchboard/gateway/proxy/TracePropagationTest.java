package io.switchboard.gateway.proxy;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static io.switchboard.gateway.WireMockUpstreams.upstream;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.gateway.Accounts;

/** A proxied request reaches its service inside the gateway's trace, so the service's spans join it. */
@QuarkusTest
class TracePropagationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theUpstreamReceivesATraceparentOfTheGatewaysTraceWhoseParentIsAGatewaySpan() {
        String[] traceparent = proxiedTraceparent("/api/v1/calls/trace-1", null);
        String trace = traceparent[1];

        Set<String> gatewaySpans = awaitGatewaySpans(trace);
        assertTrue(gatewaySpans.contains(traceparent[2]),
                () -> "the upstream's parent " + traceparent[2] + " is one of the gateway's spans " + gatewaySpans);
    }

    @Test
    void aCallersTraceIsContinuedButTheUpstreamsParentIsTheGatewayNotTheCaller() {
        String callerTrace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callerSpan = "00f067aa0ba902b7";
        String[] traceparent = proxiedTraceparent("/api/v1/calls/trace-2", "00-" + callerTrace + "-" + callerSpan + "-01");

        assertEquals(callerTrace, traceparent[1], "the caller's trace goes on through the gateway");
        assertNotEquals(callerSpan, traceparent[2], "the caller's own header is not passed on unchanged");
        Set<String> gatewaySpans = awaitGatewaySpans(callerTrace);
        assertTrue(gatewaySpans.contains(traceparent[2]), () -> traceparent[2] + " is one of " + gatewaySpans);
    }

    /** The traceparent the upstream received, split into version, trace id, parent span id and flags. */
    private static String[] proxiedTraceparent(String path, String callerTraceparent) {
        WireMock calls = upstream("calls");
        calls.register(get(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        var request = given().header("Authorization", Accounts.shared().bearer());
        if (callerTraceparent != null) {
            request = request.header("traceparent", callerTraceparent);
        }
        request.get(path).then().statusCode(200);

        List<LoggedRequest> seen = calls.find(getRequestedFor(urlEqualTo(path)));
        List<String> traceparents = seen.get(seen.size() - 1).getHeaders().getHeader("traceparent").values();
        assertEquals(1, traceparents.size(), () -> "exactly one trace context goes upstream: " + traceparents);
        String traceparent = traceparents.get(0);
        String[] parts = traceparent.split("-");
        assertEquals(4, parts.length, traceparent);
        return parts;
    }

    /** The gateway's spans of this trace, once its server span has finished. */
    private Set<String> awaitGatewaySpans(String trace) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> spans.getFinishedSpanItems().stream()
                .anyMatch(s -> s.getTraceId().equals(trace) && s.getKind() == SpanKind.SERVER));
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace)).map(SpanData::getSpanId)
                .collect(Collectors.toSet());
    }
}
