package io.switchboard.contacts.importer;

import java.util.Locale;
import java.util.Optional;

/** {@code csv}: a header row, mapped to contact fields; {@code vicidial}: ViciDial's standard lead file (no header, fixed columns). */
public enum ImportFormat {
    CSV, VICIDIAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ImportFormat> parse(String value) {
        for (ImportFormat format : values()) {
            if (format.wire().equals(value)) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
