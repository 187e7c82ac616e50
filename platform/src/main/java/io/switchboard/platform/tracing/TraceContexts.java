package io.switchboard.platform.tracing;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.apache.kafka.common.header.Headers;

import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * The W3C trace context ({@code traceparent}, {@code tracestate}) where Quarkus does not carry it for us: stored
 * with an outbox row, and in the headers of the Kafka records the relay's own producer sends. Only the trace
 * context travels, never baggage, so nothing a client put into a header reaches Kafka. (Consumers need nothing
 * from here: the Kafka connector reads the header and makes its receive span current for the {@code @Incoming} method.)
 */
public final class TraceContexts {

    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** A trace context as its two header values; {@code traceparent} is null outside any trace. */
    public record Carried(String traceparent, String tracestate) {

        public static final Carried NONE = new Carried(null, null);
    }

    private TraceContexts() {
    }

    /** The current trace context (e.g. the request's span, inside a business transaction). */
    public static Carried current() {
        Map<String, String> headers = new HashMap<>(2);
        W3C.inject(Context.current(), headers, Map::put);
        return headers.containsKey(TRACEPARENT) ? new Carried(headers.get(TRACEPARENT), headers.get(TRACESTATE)) : Carried.NONE;
    }

    /** The context a stored trace context stands for; the root context (a new trace) when there is none or it is unreadable. */
    public static Context parent(String traceparent, String tracestate) {
        if (traceparent == null) {
            return Context.root();
        }
        Map<String, String> headers = new HashMap<>(2);
        headers.put(TRACEPARENT, traceparent);
        if (tracestate != null) {
            headers.put(TRACESTATE, tracestate);
        }
        return W3C.extract(Context.root(), headers, MAP);
    }

    /** Writes {@code context}'s trace context into Kafka record headers (replacing any there). */
    public static void inject(Context context, Headers headers) {
        W3C.inject(context, headers, (carrier, key, value) -> {
            carrier.remove(key);
            carrier.add(key, value.getBytes(StandardCharsets.UTF_8));
        });
    }
}
