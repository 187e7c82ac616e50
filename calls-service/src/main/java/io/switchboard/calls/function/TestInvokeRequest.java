package io.switchboard.calls.function;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Sample arguments for a test invoke, validated against the function's parameters schema. */
public record TestInvokeRequest(@Schema(example = "{\"date\":\"2026-11-25\",\"propertyId\":\"P-1042\"}") Map<String, Object> arguments) {
}
