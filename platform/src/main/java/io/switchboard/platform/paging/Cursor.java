package io.switchboard.platform.paging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

import io.switchboard.platform.problem.ProblemException;

/**
 * Where the previous page ended: the sort key ({@code created_at}, {@code id}) of its last item. Clients see
 * it only as an opaque base64url token; the checksum inside rejects a hand-edited or truncated token with
 * 400 instead of silently paging from somewhere else. It is not a security boundary: every list query is
 * still scoped to the caller's tenant, so a forged cursor can only skip through the caller's own rows.
 */
public record Cursor(Instant createdAt, UUID id) {

    static final String PARAMETER = "cursor";
    private static final String VERSION = "c1";
    private static final int MAX_TOKEN_LENGTH = 200;

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

    public String encode() {
        String body = VERSION + "." + createdAt.getEpochSecond() + "." + createdAt.getNano() + "." + id;
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((body + "." + checksum(body)).getBytes(StandardCharsets.US_ASCII));
    }

    /** Empty for an absent or blank parameter (the first page); 400 naming {@code cursor} for anything we did not issue. */
    public static Optional<Cursor> decode(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] parts = text.split("\\.", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
            if (!checksum(body).equals(parts[4])) {
                throw invalid();
            }
            Instant at = Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2]));
            UUID id = UUID.fromString(parts[3]);
            if (!id.toString().equals(parts[3])) {
                throw invalid();
            }
            return Optional.of(new Cursor(at, id));
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(crc.getValue());
    }

    private static ProblemException invalid() {
        return ProblemException.badField(PARAMETER, "is not a cursor this API issued; pass the nextCursor of the previous page");
    }
}
