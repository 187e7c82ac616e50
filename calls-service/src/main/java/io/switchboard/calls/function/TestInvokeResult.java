package io.switchboard.calls.function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a test invoke saw. Always a 200 answer: a timeout, a refused connection or an oversized answer is an
 * {@code error}, not a failure of the API. The body is truncated and any stored secret in it is masked.
 */
@Schema(name = "CustomFunctionTestResult")
public record TestInvokeResult(
        boolean ok,
        @Schema(description = "the tool's HTTP status; null when no answer came") Integer status,
        long latencyMs,
        @Schema(description = "the first bytes of the answer (UTF-8)") String body,
        boolean truncated,
        @Schema(description = "timeout, connection_refused, connection_failed, oversized, http_error; null when ok")
        String error,
        String errorMessage) {
}
