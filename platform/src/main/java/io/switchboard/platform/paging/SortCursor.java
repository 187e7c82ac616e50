package io.switchboard.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the previous page of a list in a client-chosen order ended: the sort's name, the last item's sort
 * value (as text; the repository binds it back to its type) and its id, the tie-breaker. A cursor issued for
 * one order and replayed with another is refused like any cursor we did not issue. Same token rules as
 * {@link Cursor}.
 */
public record SortCursor(String sort, String key, UUID id) implements PageKey {

    private static final String VERSION = "s1";

    public SortCursor {
        if (sort == null || key == null || id == null) {
            throw new IllegalArgumentException("a sort cursor needs its sort, key and id");
        }
    }

    @Override
    public String encode() {
        return CursorTokens.seal(VERSION + "." + text(sort) + "." + text(key) + "." + id);
    }

    /** Empty on the first page; 400 naming {@code cursor} for a token we did not issue or issued for another sort. */
    public static Optional<SortCursor> decode(String token, String expectedSort) {
        return CursorTokens.open(token, 4).map(parts -> {
            if (!VERSION.equals(parts[0])) {
                throw CursorTokens.invalid();
            }
            try {
                SortCursor cursor = new SortCursor(untext(parts[1]), untext(parts[2]), CursorTokens.uuid(parts[3]));
                if (!cursor.sort().equals(expectedSort)) {
                    throw CursorTokens.invalid();
                }
                return cursor;
            } catch (IllegalArgumentException e) {
                throw CursorTokens.invalid();
            }
        });
    }

    private static String text(String value) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String untext(String value) {
        return new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
    }
}
