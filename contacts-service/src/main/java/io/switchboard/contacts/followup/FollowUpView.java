package io.switchboard.contacts.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FollowUp", example = """
        {"id":"1f2e3d4c-5b6a-4798-8a7b-6c5d4e3f2a1b","contactId":"0b6e2a4c-1d3f-4a5b-8c7d-9e0f1a2b3c4d",
         "callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7","dueAt":"2026-11-25T14:00:00Z","remark":"Send the revised quote",
         "completed":false,"completedAt":null,"createdAt":"2026-11-21T15:10:00Z","updatedAt":"2026-11-21T15:10:00Z"}""")
public record FollowUpView(
        UUID id,
        UUID contactId,
        UUID callId,
        OffsetDateTime dueAt,
        String remark,
        boolean completed,
        OffsetDateTime completedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static FollowUpView of(FollowUp f) {
        return new FollowUpView(f.id, f.contactId, f.callId, f.dueAt, f.remark, f.completed, f.completedAt, f.createdAt,
                f.updatedAt);
    }
}
