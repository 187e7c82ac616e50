package io.switchboard.contacts.importer;

/** A rejected or flagged row: its number among the file's data rows (1 = the first row after any header). */
record RowIssue(long row, String column, String value, String reason) {

    static final int MAX_VALUE = 200;

    RowIssue {
        if (value != null && value.length() > MAX_VALUE) {
            value = value.substring(0, MAX_VALUE);
        }
    }
}
