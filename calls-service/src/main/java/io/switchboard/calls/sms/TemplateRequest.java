package io.switchboard.calls.sms;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MessageTemplateRequest")
public record TemplateRequest(
        @Pattern(regexp = "sms", message = "must be sms") @Schema(enumeration = "sms", defaultValue = "sms") String channel,
        @NotBlank @Size(max = 200) @Schema(example = "Post-call thank you") String name,
        @NotBlank @Size(max = 1600) @Schema(description = "text with variables from the closed set in docs/sms.md",
                example = "Hi {caller_name}, thanks for calling! {call_summary} - {agent_name}") String body) {
}
