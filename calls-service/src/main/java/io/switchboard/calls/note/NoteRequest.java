package io.switchboard.calls.note;

import java.time.OffsetDateTime;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallNoteRequest")
public record NoteRequest(
        @NotBlank @Size(max = 5000) @Schema(example = "Wants a viewing on Tuesday morning") String text,
        @Schema(description = "an appointment agreed on the call, with its offset", example = "2026-11-25T10:00:00-05:00")
        OffsetDateTime appointmentAt) {
}
