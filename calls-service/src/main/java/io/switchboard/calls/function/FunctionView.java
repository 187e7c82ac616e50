package io.switchboard.calls.function;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A custom function as the API shows it: the auth configuration never leaves, only whether it is set. */
@Schema(name = "CustomFunction")
public record FunctionView(
        UUID id,
        UUID agentId,
        String name,
        String description,
        String endpoint,
        String method,
        Map<String, String> headers,
        String authType,
        @Schema(description = "whether an auth configuration is stored (it is never returned)") boolean authConfigured,
        Map<String, Object> parameters,
        Map<String, Object> responseMapping,
        int timeoutSeconds,
        boolean enabled,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static FunctionView of(CustomFunction f) {
        return new FunctionView(f.id, f.agentId, f.name, f.description, f.endpoint, f.method, f.headers, f.authType,
                f.authConfig != null, f.parameters, f.responseMapping, f.timeoutSeconds, f.enabled, f.createdAt, f.updatedAt);
    }
}
