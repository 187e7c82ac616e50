package io.switchboard.contacts.importer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "ImportRowError", description = "A rejected or flagged row of an import")
public record ImportErrorView(
        @Schema(description = "the data row's number in the file, 1 = first row after any header") long row,
        @Schema(description = "the column the problem is in (header name, or the ViciDial column name)") String column,
        @Schema(description = "the offending value, at most 200 characters") String value,
        String reason) {
}
