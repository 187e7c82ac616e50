package io.switchboard.gateway.edge;

/**
 * The one spelling of a request path the gateway accepts. Routing, authentication and the services must all
 * read the same path; a path that other software could read differently (a dot segment, an empty segment, an
 * encoded slash or letter, a backslash, a matrix parameter) is refused rather than normalized, so there is
 * nothing to disagree about: what the gateway routes on is byte for byte what it forwards.
 */
public final class CanonicalPaths {

    private CanonicalPaths() {
    }

    /** Whether a canonical {@code path} is {@code prefix} itself or lies below it, whole segments only. */
    public static boolean isUnder(String path, String prefix) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    /**
     * Why the raw (undecoded) path is not canonical, or null when it is.
     */
    public static String problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return "the path must start with /";
        }
        int segmentStart = 1;
        for (int i = 0; i < rawPath.length(); i++) {
            char c = rawPath.charAt(i);
            switch (c) {
                case '\\':
                    return "the path must not contain a backslash";
                case ';':
                    return "the path must not contain ; (matrix parameters)";
                case '/':
                    if (i > 0) {
                        String dots = dotSegment(rawPath, segmentStart, i);
                        if (dots != null) {
                            return dots;
                        }
                        if (i == segmentStart) {
                            return "the path must not contain an empty segment (//)";
                        }
                    }
                    segmentStart = i + 1;
                    break;
                case '%':
                    String encoded = encodingProblem(rawPath, i);
                    if (encoded != null) {
                        return encoded;
                    }
                    i += 2;
                    break;
                default:
                    if (c < 0x21 || c == 0x7f) {
                        return "the path must not contain spaces or control characters";
                    }
            }
        }
        return dotSegment(rawPath, segmentStart, rawPath.length());
    }

    public static boolean isCanonical(String rawPath) {
        return problem(rawPath) == null;
    }

    private static String dotSegment(String path, int from, int to) {
        int length = to - from;
        if ((length == 1 || length == 2) && path.regionMatches(from, "..", 0, length)) {
            return "the path must not contain . or .. segments";
        }
        return null;
    }

    private static String encodingProblem(String path, int at) {
        if (at + 2 >= path.length()) {
            return "the path has an incomplete percent-encoding";
        }
        int high = Character.digit(path.charAt(at + 1), 16);
        int low = Character.digit(path.charAt(at + 2), 16);
        if (high < 0 || low < 0) {
            return "the path has an invalid percent-encoding";
        }
        int decoded = high * 16 + low;
        if (decoded == '/' || decoded == '\\') {
            return "the path must not contain an encoded slash or backslash";
        }
        if (isUnreserved(decoded)) {
            return "the path must not percent-encode letters, digits or -._~ (write them as they are)";
        }
        if (decoded < 0x20 || decoded == 0x7f) {
            return "the path must not contain encoded control characters";
        }
        return null;
    }

    /** RFC 3986 unreserved: encoding these changes nothing for a normalizer, and everything for a prefix match. */
    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                || c == '_' || c == '~';
    }
}
