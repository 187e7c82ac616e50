package io.switchboard.platform.tracing;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.switchboard.platform.inbox.Events;
import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.platform.outbox.CloudEventHeaders;
import io.switchboard.platform.outbox.OutboxRelay;
import io.switchboard.testsupport.InfraResource;
import io.switchboard.testsupport.TestTokens;
import io.switchboard.testsupport.TopicReader;

/**
 * One trace from the gateway's call (its traceparent) and the request that writes an event to the consumer that applies it: the server span, the relay's
 * PRODUCER span (a child of the request's span, although the relay runs later on its own thread), the
 * {@code traceparent} header on the Kafka record, and the consumer's span. The test application's relay runs only
 * when a test calls it, and its consumer reads switchboard.platform-test, so the test points its row there.
 */
@QuarkusTest
@QuarkusTestResource(value = InfraResource.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class TracePropagationTest {

    private static final String TOPIC = "switchboard.platform-test";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager em;

    @Inject
    Events events;

    @Test
    void anEventCarriesTheTraceOfTheRequestThatWroteItThroughTheRelayAndKafkaToItsConsumer() {
        UUID tenant = UUID.randomUUID();
        // as the gateway sends it: its trace, its span as the parent
        String gatewayTrace = UUID.randomUUID().toString().replace("-", "");
        String gatewaySpan = gatewayTrace.substring(0, 16);
        String location = given().header("Authorization", TestTokens.bearer(tenant, "notes:write"))
                .header("traceparent", "00-" + gatewayTrace + "-" + gatewaySpan + "-01").contentType("application/json")
                .body("{\"body\":\"traced\"}").post("/api/v1/notes").then().statusCode(201).extract().header("Location");
        String note = location.substring(location.lastIndexOf('/') + 1);

        String storedParent = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT trace_parent FROM outbox_event WHERE event_key = ?1").setParameter(1, note).getSingleResult());
        assertNotNull(storedParent, "the outbox row keeps the writing transaction's trace context");
        String trace = storedParent.split("-")[1];
        assertEquals(gatewayTrace, trace, "the service continues the gateway's trace");
        SpanData server = awaitSpan(s -> s.getKind() == SpanKind.SERVER && s.getTraceId().equals(trace), "the request's server span");
        assertEquals(gatewaySpan, server.getParentSpanId(), "the service's server span is a child of the gateway's span");
        assertEquals("POST", attribute(server, "http.request.method"));
        assertEquals("/api/v1/notes", attribute(server, "http.route"));
        assertEquals(server.getSpanId(), storedParent.split("-")[2], "the row was written in the request's span");
        SpanData insert = awaitSpan(s -> s.getKind() == SpanKind.CLIENT && s.getTraceId().equals(trace)
                && statement(s).contains("INSERT INTO outbox_event"), "the outbox INSERT's JDBC span");
        assertEquals(server.getSpanId(), insert.getParentSpanId(), "the request's SQL shows in its trace");

        ConsumerRecord<String, byte[]> record;
        try (TopicReader reader = TopicReader.fromNow(TOPIC)) {
            // earlier tests' leftovers stay out of this relay round; this row goes to the test consumer's topic
            QuarkusTransaction.requiringNew().run(() -> {
                em.createNativeQuery("UPDATE outbox_event SET published_at = now() WHERE published_at IS NULL AND event_key <> ?1")
                        .setParameter(1, note).executeUpdate();
                em.createNativeQuery("UPDATE outbox_event SET topic = ?2 WHERE event_key = ?1")
                        .setParameter(1, note).setParameter(2, TOPIC).executeUpdate();
            });
            Awaitility.await().atMost(WAIT).until(() -> relay.relayBatch() == 1);
            record = reader.awaitKey(note, WAIT);
        }

        SpanData publish = awaitSpan(s -> s.getKind() == SpanKind.PRODUCER && s.getTraceId().equals(trace),
                "the relay's publish span in the request's trace");
        assertEquals("publish " + TOPIC, publish.getName());
        assertEquals(server.getSpanId(), publish.getParentSpanId(), "the relay's span is a child of the request's span");

        // the CloudEvents attributes a consumer reads without parsing the body (the body stays the structured event)
        String eventId = QuarkusTransaction.requiringNew().call(() -> String.valueOf(em.createNativeQuery(
                "SELECT id FROM outbox_event WHERE event_key = ?1").setParameter(1, note).getSingleResult()));
        assertEquals(EventCatalog.CALL_CREATED.type(), header(record, CloudEventHeaders.TYPE));
        assertEquals(eventId, header(record, CloudEventHeaders.ID));
        assertEquals(eventId, EventCodec.deserialize(record.value()).id().toString());

        String traceparent = header(record, "traceparent");
        assertNotNull(traceparent, "the record carries the trace to its consumer");
        assertEquals("00-" + trace + "-" + publish.getSpanId() + "-01", traceparent);

        Awaitility.await().atMost(WAIT).until(() -> events.applied(tenant, note) == 1);
        SpanData consume = awaitSpan(s -> s.getName().startsWith("consume ") && s.getTraceId().equals(trace),
                "the consumer's span in the request's trace");
        assertTrue(descendsFrom(consume, publish), () -> "the consumer's work is below the publish span: " + trace(trace));
    }

    private SpanData awaitSpan(Predicate<SpanData> match, String what) {
        return Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(100))
                .until(() -> spans.getFinishedSpanItems().stream().filter(match).findFirst(), Optional::isPresent).get();
    }

    private boolean descendsFrom(SpanData span, SpanData ancestor) {
        Map<String, SpanData> byId = spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(span.getTraceId()))
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity(), (a, b) -> a));
        for (SpanData s = span; s != null; s = byId.get(s.getParentSpanId())) {
            if (s.getParentSpanId().equals(ancestor.getSpanId())) {
                return true;
            }
        }
        return false;
    }

    private List<String> trace(String trace) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(trace))
                .map(s -> s.getKind() + " " + s.getName() + " " + s.getSpanId() + " <- " + s.getParentSpanId()).toList();
    }

    /** The SQL of a JDBC span (the attribute's name depends on the semantic-conventions version). */
    private static String statement(SpanData span) {
        String text = attribute(span, "db.query.text");
        return String.valueOf(text != null ? text : attribute(span, "db.statement"));
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().asMap().entrySet().stream().filter(e -> e.getKey().getKey().equals(key))
                .map(e -> String.valueOf(e.getValue())).findFirst().orElse(null);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
