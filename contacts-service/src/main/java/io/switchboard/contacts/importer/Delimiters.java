package io.switchboard.contacts.importer;

import java.util.Map;
import java.util.Optional;

/** The delimiter names the API takes, and sniffing one from a file's first line when asked for {@code auto}. */
final class Delimiters {

    static final String AUTO = "auto";
    static final Map<String, Character> BY_NAME = Map.of("comma", ',', "semicolon", ';', "tab", '\t', "pipe", '|');

    private Delimiters() {
    }

    static Optional<Character> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /**
     * The candidate occurring most often outside quotes in {@code firstLine}; ViciDial files are tab or pipe only.
     * Ties and lines without any candidate fall back to the first candidate (comma for CSV, tab for ViciDial).
     */
    static char sniff(String firstLine, ImportFormat format) {
        char[] candidates = format == ImportFormat.VICIDIAL ? new char[] {'\t', '|'} : new char[] {',', ';', '\t', '|'};
        int[] counts = new int[candidates.length];
        boolean quoted = false;
        for (int i = 0; i < firstLine.length(); i++) {
            char c = firstLine.charAt(i);
            if (c == '"' && format == ImportFormat.CSV) {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < candidates.length; k++) {
                    if (c == candidates[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < candidates.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return candidates[best];
    }

    static String name(char delimiter) {
        return BY_NAME.entrySet().stream().filter(e -> e.getValue() == delimiter).map(Map.Entry::getKey).findFirst()
                .orElseThrow();
    }
}
