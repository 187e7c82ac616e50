package io.switchboard.gateway;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** Finished spans stay in memory for the tests to read (with a SpanExporter bean Quarkus installs no OTLP exporter). */
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
