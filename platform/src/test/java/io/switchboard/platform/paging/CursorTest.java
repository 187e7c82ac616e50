package io.switchboard.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.switchboard.platform.problem.ProblemException;

class CursorTest {

    private final Cursor cursor = new Cursor(Instant.parse("2026-11-21T23:59:59.123456Z"), UUID.randomUUID());

    @Test
    void anEncodedCursorDecodesToTheSameKeyAndIsUrlSafe() {
        String token = cursor.encode();
        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertEquals(Optional.of(cursor), Cursor.decode(token));
    }

    @Test
    void anAbsentOrBlankCursorMeansTheFirstPage() {
        assertEquals(Optional.empty(), Cursor.decode(null));
        assertEquals(Optional.empty(), Cursor.decode(""));
    }

    @ParameterizedTest
    @ValueSource(strings = { "garbage", "Zm9v", "!!!", "YzEuMS4yLjMuNA", "\u0000" })
    void aTokenWeDidNotIssueIsA400NamingCursor(String token) {
        ProblemException e = assertThrows(ProblemException.class, () -> Cursor.decode(token));
        assertEquals(400, e.status());
        assertEquals("cursor", e.errors().get(0).field());
    }

    @Test
    void anEditedKeyFailsTheChecksum() {
        String text = new String(Base64.getUrlDecoder().decode(cursor.encode()), StandardCharsets.US_ASCII);
        String edited = text.replace(cursor.id().toString(), UUID.randomUUID().toString());
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(edited.getBytes(StandardCharsets.US_ASCII));
        assertThrows(ProblemException.class, () -> Cursor.decode(token));
        assertThrows(ProblemException.class, () -> Cursor.decode("x".repeat(10_000)));
    }

    @Test
    void aPageOfLimitPlusOneRowsShowsLimitRowsAndPointsAtTheLastShown() {
        List<Cursor> rows = List.of(key(5), key(4), key(3));
        Page<Cursor> page = Page.of(rows, PageRequest.of(2, null), row -> row, row -> row);
        assertEquals(List.of(key(5), key(4)), page.items());
        assertEquals(Optional.of(key(4)), Cursor.decode(page.nextCursor()));

        Page<Cursor> last = Page.of(List.of(key(3)), PageRequest.of(2, null), row -> row, row -> row);
        assertEquals(null, last.nextCursor());
    }

    private static Cursor key(int second) {
        return new Cursor(Instant.ofEpochSecond(second), new UUID(0, second));
    }
}
