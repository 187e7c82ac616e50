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
        return wire(values(), value);
    }

    /** The constant of an import option enum whose lower-case name is {@code value}. */
    static <E extends Enum<E>> Optional<E> wire(E[] constants, String value) {
        for (E constant : constants) {
            if (constant.name().toLowerCase(Locale.ROOT).equals(value)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }
}
