package io.switchboard.contacts.dnc;

import java.util.List;

/**
 * What a bulk add or remove did: rows read, numbers changed, rows that changed nothing (already on the list
 * for add, not on it for remove, or repeated in the file), and the rows that failed with why.
 */
public record BulkResult(String action, long rows, long changed, long unchanged, long failed, List<RowError> errors,
        boolean errorsTruncated) {

    /** {@code row} counts records from 1, the header included, as a spreadsheet shows them. */
    public record RowError(long row, String value, String reason) {
    }
}
