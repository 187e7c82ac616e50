package io.switchboard.calls.call;

import java.time.OffsetDateTime;

public record CallRecordingView(String url, OffsetDateTime expiresAt, Integer durationSeconds, OffsetDateTime updatedAt) {

    static CallRecordingView of(CallRecording r) {
        return new CallRecordingView(r.url, r.expiresAt, r.durationSeconds, r.updatedAt);
    }
}
