package io.switchboard.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Renders the analysts' catalogue (AsyncAPI 3.0) from {@link EventCatalog}: one channel per topic,
 * one message per event type with its CloudEvents envelope, JSON Schema and example. The committed
 * docs/asyncapi.json is checked against this by a test, so the document cannot drift from the code.
 */
public final class AsyncApiDocument {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AsyncApiDocument() {
    }

    public static String render() {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("asyncapi", "3.0.0");
        ObjectNode info = doc.putObject("info");
        info.put("title", "Switchboard events");
        info.put("version", "1.0.0");
        info.put("description", "Every event Switchboard publishes. Envelope: CloudEvents 1.0, structured JSON mode "
                + "(Kafka header content-type: application/cloudevents+json). Kafka key = CloudEvent subject = aggregate id, "
                + "so one aggregate's events are ordered. Extension `tenantid` names the tenant. Delivery is at-least-once: "
                + "deduplicate on the CloudEvent `id`. Payload changes are additive; a breaking change is a new .vN type.");
        doc.put("defaultContentType", EventCodec.CONTENT_TYPE);
        ObjectNode local = doc.putObject("servers").putObject("local");
        local.put("host", "127.0.0.1:19092");
        local.put("protocol", "kafka");
        local.put("description", "./switchboard up (bin/infra); Strimzi cluster in Kubernetes");

        Map<String, List<EventType<?>>> byTopic = EventCatalog.ALL.stream()
                .collect(Collectors.groupingBy(EventType::topic, LinkedHashMap::new, Collectors.toList()));
        ObjectNode channels = doc.putObject("channels");
        ObjectNode operations = doc.putObject("operations");
        ObjectNode messages = doc.putObject("components").putObject("messages");
        byTopic.forEach((topic, types) -> {
            String channelId = topic.replace('.', '_');
            ObjectNode channel = channels.putObject(channelId);
            channel.put("address", topic);
            ObjectNode channelMessages = channel.putObject("messages");
            ObjectNode operation = operations.putObject("consume_" + channelId);
            operation.put("action", "receive");
            operation.putObject("channel").put("$ref", "#/channels/" + channelId);
            ArrayNode operationMessages = operation.putArray("messages");
            for (EventType<?> type : types) {
                String messageId = type.type().replace('.', '_');
                channelMessages.putObject(messageId).put("$ref", "#/components/messages/" + messageId);
                operationMessages.addObject().put("$ref", "#/channels/" + channelId + "/messages/" + messageId);
                messages.set(messageId, message(type));
            }
        });
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode message(EventType<?> type) {
        ObjectNode message = JSON.createObjectNode();
        message.put("name", type.type());
        message.put("title", type.type());
        message.put("summary", type.description());
        message.put("contentType", EventCodec.CONTENT_TYPE);
        ObjectNode key = message.putObject("bindings").putObject("kafka").putObject("key");
        key.put("type", "string");
        key.put("description", "aggregate id (CloudEvent subject)");

        ObjectNode payload = message.putObject("payload");
        payload.put("type", "object");
        payload.putArray("required").add("specversion").add("id").add("source").add("type").add("subject").add("time")
                .add(EventCodec.TENANT_EXTENSION).add("data");
        ObjectNode props = payload.putObject("properties");
        props.putObject("specversion").put("const", "1.0");
        props.putObject("id").put("type", "string").put("format", "uuid");
        props.putObject("source").put("type", "string").put("format", "uri-reference");
        props.putObject("type").put("const", type.type());
        props.putObject("subject").put("type", "string");
        props.putObject("time").put("type", "string").put("format", "date-time");
        props.putObject(EventCodec.TENANT_EXTENSION).put("type", "string").put("format", "uuid");
        props.putObject("datacontenttype").put("const", "application/json");
        ObjectNode data = (ObjectNode) read(type.schemaResource());
        data.remove("$schema");
        props.set("data", data);

        ObjectNode example = JSON.createObjectNode();
        example.put("specversion", "1.0");
        example.put("id", "0f8fad5b-d9cb-469f-a165-70867728950e");
        example.put("source", "/switchboard/<service>");
        example.put("type", type.type());
        example.put("subject", read(type.exampleResource()).path(firstIdField(type)).asText());
        example.put("time", "2026-11-21T15:04:05.123456Z");
        example.put(EventCodec.TENANT_EXTENSION, "9b2f6a3e-8c1d-4e5f-a7b9-0c1d2e3f4a5b");
        example.put("datacontenttype", "application/json");
        example.set("data", read(type.exampleResource()));
        message.putArray("examples").addObject().set("payload", example);
        return message;
    }

    private static String firstIdField(EventType<?> type) {
        // the aggregate id field is the record's first component (callId, contactId, ...)
        return type.payloadClass().getRecordComponents()[0].getName();
    }

    private static JsonNode read(String resource) {
        try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
