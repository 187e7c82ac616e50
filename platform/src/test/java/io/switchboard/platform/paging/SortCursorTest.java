package io.switchboard.platform.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.platform.problem.ProblemException;

class SortCursorTest {

    @Test
    void aTextKeyWithDotsAndNonAsciiSurvivesTheRoundTrip() {
        SortCursor cursor = new SortCursor("lastName,asc", "o'brien.ünal 李", UUID.randomUUID());
        assertEquals(Optional.of(cursor), SortCursor.decode(cursor.encode(), "lastName,asc"));
    }

    @Test
    void aCursorOfAnotherSortOrAnEditedOneIsRefusedNamingTheCursor() {
        String token = new SortCursor("lastName,asc", "lovelace", UUID.randomUUID()).encode();
        ProblemException other = assertThrows(ProblemException.class, () -> SortCursor.decode(token, "lastName,desc"));
        assertEquals("cursor", other.errors().get(0).field());
        // a character in the middle: all six of its bits are data (the last one's low bits may be padding, so
        // editing it could leave the decoded bytes unchanged)
        int middle = token.length() / 2;
        char original = token.charAt(middle);
        String edited = token.substring(0, middle) + (original == 'A' ? 'B' : 'A') + token.substring(middle + 1);
        assertThrows(ProblemException.class, () -> SortCursor.decode(edited, "lastName,asc"));
        // a created-at cursor is not a sort cursor and vice versa
        String plain = new Cursor(java.time.Instant.now(), UUID.randomUUID()).encode();
        assertThrows(ProblemException.class, () -> SortCursor.decode(plain, "lastName,asc"));
        assertThrows(ProblemException.class, () -> Cursor.decode(token));
    }

    @Test
    void keysetOrdersAndComparesInTheRequestedDirection() {
        Keyset asc = Keyset.sorted(Optional.of(new SortCursor("s", "k", UUID.randomUUID())), "lower(c.last_name)", k -> k, "c.id", true);
        assertEquals(" order by lower(c.last_name) asc, c.id asc", asc.orderBy());
        assertTrue(asc.and().contains("(lower(c.last_name), c.id) > (:keysetKey, :keysetId)"), asc.and());
        Keyset first = Keyset.sorted(Optional.empty(), "c.updated_at", k -> k, "c.id", false);
        assertEquals("", first.and());
        assertEquals(" order by c.updated_at desc, c.id desc", first.orderBy());
    }
}
