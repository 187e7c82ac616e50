package io.switchboard.campaigns.audience;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An audience addition and its counts: rowsTotal = rowsQueued + rowsDuplicate + rowsInvalid. */
public record AudienceUploadView(
        UUID id,
        UUID campaignId,
        String source,
        String status,
        int rowsTotal,
        int rowsQueued,
        int rowsDuplicate,
        int rowsInvalid,
        String error,
        OffsetDateTime createdAt,
        OffsetDateTime completedAt) {

    static final String EXAMPLE = """
            {"id":"2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e","campaignId":"5d2c8b1a-7e4f-4a3b-9c6d-1e2f3a4b5c6d","source":"csv",
             "status":"completed","rowsTotal":4,"rowsQueued":2,"rowsDuplicate":1,"rowsInvalid":1,"error":null,
             "createdAt":"2026-11-22T10:05:00Z","completedAt":"2026-11-22T10:05:01Z"}""";

    /** One row's problem; {@code line} counts the header as line 1. */
    public record RowError(int line, String field, String reason) {
    }

    static AudienceUploadView of(AudienceUpload u) {
        return new AudienceUploadView(u.id, u.campaignId, u.source, u.status, u.rowsTotal, u.rowsQueued, u.rowsDuplicate,
                u.rowsInvalid, u.error, u.createdAt, u.completedAt);
    }
}
