package io.switchboard.contacts.importer;

import java.util.List;

/** What one data row became: a contact draft (null when rejected) and the issues to report for it. */
record RowOutcome(long row, ContactDraft draft, List<RowIssue> issues) {

    boolean rejected() {
        return draft == null;
    }
}
