package io.switchboard.calls.function;

import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A custom function as a client writes it (POST creates, PUT replaces). {@code authConfig} is write-only: on PUT,
 * leaving it out keeps the stored one as long as {@code authType} stays the same.
 */
@Schema(name = "CustomFunctionRequest")
public record FunctionRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z_][A-Za-z0-9_-]{0,63}", message = "must be 1-64 letters, digits, _ or -, not starting with a digit or -")
        @Schema(example = "book_viewing") String name,
        @NotBlank @Size(max = 2000) @Schema(description = "what the LLM is told the tool does") String description,
        @NotBlank @Size(max = 2000) @Schema(example = "https://crm.example.com/api/viewings") String endpoint,
        @Pattern(regexp = "GET|POST|PUT|PATCH|DELETE", message = "must be GET, POST, PUT, PATCH or DELETE") String method,
        @Size(max = 30) Map<String, @Size(max = 2000) String> headers,
        @Pattern(regexp = "none|api_key|bearer|basic", message = "must be none, api_key, bearer or basic") String authType,
        @Schema(description = "write-only, encrypted at rest: api_key {\"headerName\":\"X-Api-Key\",\"key\":\"…\"}, "
                + "bearer {\"token\":\"…\"}, basic {\"username\":\"…\",\"password\":\"…\"}")
        @Size(max = 5) Map<String, @Size(max = 4000) String> authConfig,
        @Schema(description = "JSON Schema (draft 2020-12) of the arguments; its root must be an object")
        Map<String, Object> parameters,
        @Schema(description = "how the tool's answer is handed back to the agent, e.g. {\"result\":\"$.data.slot\"}")
        Map<String, Object> responseMapping,
        @Min(1) @Max(120) Integer timeoutSeconds,
        Boolean enabled) {
}
