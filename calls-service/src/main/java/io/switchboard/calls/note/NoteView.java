package io.switchboard.calls.note;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CallNote")
public record NoteView(UUID id, UUID callId, String text, OffsetDateTime appointmentAt,
        @Schema(description = "the user (or apikey:<id>) who wrote it") String author, OffsetDateTime createdAt) {

    static NoteView of(CallNote n) {
        return new NoteView(n.id, n.callId, n.text, n.appointmentAt, n.author, n.createdAt);
    }
}
