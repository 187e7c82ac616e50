package io.switchboard.platform.paging;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the previous page ended: the sort key ({@code created_at}, {@code id}) of its last item. Clients see
 * it only as an opaque base64url token; the checksum inside rejects a hand-edited or truncated token with
 * 400 instead of silently paging from somewhere else. It is not a security boundary: every list query is
 * still scoped to the caller's tenant, so a forged cursor can only skip through the caller's own rows.
 */
public record Cursor(Instant createdAt, UUID id) implements PageKey {

    static final String PARAMETER = "cursor";
    private static final String VERSION = "c1";

    public Cursor {
        if (createdAt == null || id == null) {
            throw new IllegalArgumentException("a cursor needs both createdAt and id");
        }
    }

    public static Cursor of(OffsetDateTime createdAt, UUID id) {
        return new Cursor(createdAt.toInstant(), id);
    }

    /** {@code createdAt} as the type an entity or native query binds: {@link Instant} or {@link OffsetDateTime}. */
    public Object createdAtAs(Class<?> type) {
        return type == OffsetDateTime.class ? createdAt.atOffset(ZoneOffset.UTC) : createdAt;
    }

    @Override
    public String encode() {
        return CursorTokens.seal(VERSION + "." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id);
    }

    /** Empty for an absent or blank parameter (the first page); 400 naming {@code cursor} for anything we did not issue. */
    public static Optional<Cursor> decode(String token) {
        return CursorTokens.open(token, 4).map(parts -> {
            if (!VERSION.equals(parts[0])) {
                throw CursorTokens.invalid();
            }
            try {
                Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
                return new Cursor(at, CursorTokens.uuid(parts[3]));
            } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
                throw CursorTokens.invalid();
            }
        });
    }
}
