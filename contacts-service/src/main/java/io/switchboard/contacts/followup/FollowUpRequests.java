package io.switchboard.contacts.followup;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.switchboard.platform.time.StorableTime;

/** Request bodies of the follow-up endpoints. */
public final class FollowUpRequests {

    private FollowUpRequests() {
    }

    @Schema(name = "CreateFollowUpRequest", example = """
            {"dueAt":"2026-11-25T14:00:00Z","remark":"Send the revised quote","callId":"7c9e6679-7425-40de-944b-e07fc1f90ae7"}""")
    public record Create(
            @NotNull @StorableTime OffsetDateTime dueAt,
            @Size(max = 2000) String remark,
            @Schema(description = "the call this follow-up came out of") UUID callId) {
    }

    /** Absent (or null) fields stay as they are. */
    @Schema(name = "UpdateFollowUpRequest", example = """
            {"completed":true}""")
    public record Update(
            @StorableTime OffsetDateTime dueAt,
            @Size(max = 2000) String remark,
            Boolean completed,
            UUID callId) {
    }
}
