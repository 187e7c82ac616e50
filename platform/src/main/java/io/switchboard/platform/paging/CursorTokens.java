package io.switchboard.platform.paging;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.zip.CRC32;

import io.switchboard.platform.problem.ProblemException;

/**
 * The one token format of every cursor: base64url of dot-separated parts plus a CRC32 of them, so a
 * hand-edited or truncated token is a 400 naming {@code cursor} instead of paging from somewhere else.
 */
final class CursorTokens {

    private static final int MAX_TOKEN_LENGTH = 2048; // a text sort key (a 200-character name) fits

    private CursorTokens() {
    }

    static String seal(String body) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((body + "." + checksum(body)).getBytes(StandardCharsets.US_ASCII));
    }

    /** The {@code parts} dot-separated parts of a token we issued; empty for an absent or blank one. */
    static Optional<String[]> open(String token, int parts) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            throw invalid();
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token.trim()), StandardCharsets.US_ASCII);
            String[] all = text.split("\\.", -1);
            if (all.length != parts + 1) {
                throw invalid();
            }
            String body = text.substring(0, text.lastIndexOf('.'));
            if (!checksum(body).equals(all[parts])) {
                throw invalid();
            }
            return Optional.of(java.util.Arrays.copyOf(all, parts));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    static UUID uuid(String text) {
        UUID id = UUID.fromString(text);
        if (!id.toString().equals(text)) {
            throw invalid();
        }
        return id;
    }

    static ProblemException invalid() {
        return ProblemException.badField(Cursor.PARAMETER, "is not a cursor this API issued; pass the nextCursor of the previous page");
    }

    private static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.US_ASCII));
        return Long.toHexString(crc.getValue());
    }
}
