package io.switchboard.calls.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.switchboard.platform.problem.Problem;
import io.switchboard.platform.problem.ProblemException;

/**
 * JSON Schema (draft 2020-12) with networknt's validator, the one place calls-service checks a document against a
 * schema (agent configuration, a tool's sample arguments) or checks that a document is a schema at all (a tool's
 * parameters). Failures become 400 problems whose fields are the offending JSON paths under a prefix.
 */
@ApplicationScoped
public class JsonSchemas {

    private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final ConcurrentHashMap<String, JsonSchema> resources = new ConcurrentHashMap<>();

    /** A schema shipped as a class-path resource, compiled once. */
    public JsonSchema resource(String path) {
        return resources.computeIfAbsent(path, p -> {
            try (InputStream in = JsonSchemas.class.getClassLoader().getResourceAsStream(p)) {
                if (in == null) {
                    throw new IllegalStateException("schema resource " + p + " is missing");
                }
                return factory.getSchema(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** The violations of {@code document}, each naming {@code prefix} + its JSON path ("voiceConfig.speed"). */
    public List<Problem.FieldError> violations(JsonSchema schema, JsonNode document, String prefix) {
        Set<ValidationMessage> messages = schema.validate(document);
        List<Problem.FieldError> errors = new ArrayList<>();
        for (ValidationMessage m : messages) {
            errors.add(new Problem.FieldError(field(prefix, m), describe(m)));
        }
        errors.sort(Comparator.comparing(Problem.FieldError::field));
        return errors;
    }

    /** 400 naming every violation, or nothing. */
    public void requireValid(JsonSchema schema, JsonNode document, String prefix) {
        List<Problem.FieldError> errors = violations(schema, document, prefix);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    /**
     * {@code candidate} as a compiled schema, if it is a valid draft 2020-12 schema (checked against the meta-schema)
     * whose root describes an object; else 400 naming {@code field}.
     */
    public JsonSchema compile(JsonNode candidate, String field) {
        if (candidate == null || !candidate.isObject()) {
            throw ProblemException.badField(field, "must be a JSON Schema object");
        }
        requireValid(meta(), candidate, field);
        rejectRemoteReferences(candidate, field);
        JsonNode type = candidate.get("type");
        if (type == null || !"object".equals(type.asText())) {
            throw ProblemException.badField(field + ".type", "must be \"object\": a tool takes named arguments");
        }
        try {
            return factory.getSchema(candidate);
        } catch (RuntimeException e) {
            throw ProblemException.badField(field, "is not a usable JSON Schema: " + e.getMessage());
        }
    }

    /** A tool's schema is resolved on its own: a $ref to anything but itself would make us fetch a URL a tenant chose. */
    private static void rejectRemoteReferences(JsonNode node, String path) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                if (("$ref".equals(key) || "$dynamicRef".equals(key)) && !e.getValue().asText().startsWith("#")) {
                    throw ProblemException.badField(path + "." + key, "only references inside the schema (#/...) are allowed");
                }
                if ("$schema".equals(key) && !META_SCHEMA.equals(e.getValue().asText())) {
                    throw ProblemException.badField(path + "." + key, "must be " + META_SCHEMA + " (or left out)");
                }
                rejectRemoteReferences(e.getValue(), path + "." + key);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                rejectRemoteReferences(node.get(i), path + "[" + i + "]");
            }
        }
    }

    private static String field(String prefix, ValidationMessage m) {
        String path = m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString();
        String relative = path.equals("$") ? "" : path.startsWith("$.") ? path.substring(2) : path.substring(1);
        if (m.getProperty() != null && ("required".equals(m.getType()) || "additionalProperties".equals(m.getType()))) {
            relative = relative.isEmpty() ? m.getProperty() : relative + "." + m.getProperty();
        }
        if (prefix == null || prefix.isEmpty()) {
            return relative.isEmpty() ? "body" : relative;
        }
        return relative.isEmpty() ? prefix : prefix + "." + relative;
    }

    private static String describe(ValidationMessage m) {
        String message = m.getMessage();
        int colon = message.indexOf(": ");
        return colon > 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
    }

    /** The draft 2020-12 meta-schema: networknt maps its URI to the copy inside its jar, never the network. */
    private JsonSchema meta() {
        return resources.computeIfAbsent(META_SCHEMA, uri -> factory.getSchema(SchemaLocation.of(uri)));
    }
}
