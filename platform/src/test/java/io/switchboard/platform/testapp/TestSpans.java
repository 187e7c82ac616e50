package io.switchboard.platform.testapp;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The test application's span exporter: finished spans stay in memory for the tests to read (no OTLP exporter then). */
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
