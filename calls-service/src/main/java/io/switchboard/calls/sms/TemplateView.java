package io.switchboard.calls.sms;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "MessageTemplate")
public record TemplateView(UUID id, String channel, String name, String body,
        @Schema(description = "the variables the body uses") List<String> variables, OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static TemplateView of(MessageTemplate t) {
        return new TemplateView(t.id, t.channel, t.name, t.body, TemplateVariables.used(t.body), t.createdAt, t.updatedAt);
    }
}
