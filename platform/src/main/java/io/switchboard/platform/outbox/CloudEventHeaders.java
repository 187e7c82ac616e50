package io.switchboard.platform.outbox;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import io.cloudevents.core.v1.CloudEventV1;

/**
 * The CloudEvents attributes the relay copies into Kafka headers next to the structured JSON body, named as the
 * CloudEvents Kafka protocol binding names them ({@code ce_<attribute>}, §3.2.3.1). The body stays the complete
 * structured event ({@code content-type: application/cloudevents+json}, which tells a CloudEvents reader the record
 * is in structured mode), so every existing reader works unchanged; the headers only let a consumer see the type and
 * id without parsing the body (platform inbox: a service skips the types it has no handler for before decoding).
 */
public final class CloudEventHeaders {

    public static final String PREFIX = "ce_";
    public static final String SPEC_VERSION = PREFIX + CloudEventV1.SPECVERSION;
    public static final String ID = PREFIX + CloudEventV1.ID;
    public static final String TYPE = PREFIX + CloudEventV1.TYPE;

    private CloudEventHeaders() {
    }

    public static void add(Headers headers, String id, String type) {
        headers.add(SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(ID, id.getBytes(StandardCharsets.UTF_8));
        headers.add(TYPE, type.getBytes(StandardCharsets.UTF_8));
    }

    /** The header's value, or null when the record has none (an older producer, a record written by hand). */
    public static String read(Headers headers, String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
