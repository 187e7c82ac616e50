package io.switchboard.events.imports;

import java.time.Instant;
import java.util.List;

import io.switchboard.events.EventPayload;

/**
 * A list import ended: {@code status} is {@code completed}, {@code failed} or {@code cancelled}; the counts say
 * what it did (the contacts themselves were announced one by one as contact.created). Keyed by the import id.
 */
public record ImportCompletedV1(
        String importId,
        String status,
        String format,
        List<String> tags,
        long rowsTotal,
        long rowsProcessed,
        long rowsImported,
        long rowsUpdated,
        long rowsSkipped,
        long rowsFailed,
        long rowsFlagged,
        String error,
        Instant finishedAt) implements EventPayload {

    @Override
    public String aggregateId() {
        return importId;
    }
}
