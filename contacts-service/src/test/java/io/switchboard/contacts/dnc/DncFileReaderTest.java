package io.switchboard.contacts.dnc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.switchboard.contacts.dnc.DncFileReader.Row;
import io.switchboard.platform.problem.ProblemException;

/** Pure parsing of uploaded number files and of the check's list ids: no infrastructure. */
class DncFileReaderTest {

    @Test
    void aHeaderNamesThePhoneAndReasonColumnsInAnyOrderAndCase() {
        assertEquals(List.of(new Row(2, "+14155550101", "litigator"), new Row(3, "+14155550102", null)),
                read("Reason,Name,Phone Number\nlitigator,Ada,+14155550101\n,Bob,+14155550102\n"));
    }

    @Test
    void withoutAHeaderEveryLineIsANumberInTheFirstColumn() {
        assertEquals(List.of(new Row(1, "+14155550101", null), new Row(2, "4155550102", null)),
                read("+14155550101\n  4155550102 ,ignored\n"));
    }

    @Test
    void aByteOrderMarkCrlfAndBlankLinesAreIgnored() {
        assertEquals(List.of(new Row(2, "+14155550101", null), new Row(3, "+14155550102", null)),
                read("\uFEFFphone\r\n+14155550101\r\n\r\n+14155550102\r\n"));
    }

    @Test
    void aQuotedFieldMayHoldCommasAndQuotes() {
        assertEquals(List.of(new Row(2, "+14155550101", "said \"stop\", twice")),
                read("phone,reason\n+14155550101,\"said \"\"stop\"\", twice\"\n"));
    }

    @Test
    void anEmptyFileAndAHeaderOnlyHaveNoRows() {
        assertEquals(List.of(), read(""));
        assertEquals(List.of(), read("phone,reason\n"));
    }

    @Test
    void aRowWithoutThePhoneColumnHasNoPhone() {
        assertEquals(List.of(new Row(2, null, null)), read("name,phone\nAda\n"));
    }

    @Test
    void anUnterminatedQuoteIsABadFileSayingWhere() {
        DncFileReader.BadFile bad = assertThrows(DncFileReader.BadFile.class,
                () -> read("phone\n+14155550101\n\"+14155550102\n+14155550103\n"));
        assertEquals(3, bad.row());
    }

    @Test
    void bytesThatAreNotUtf8AreABadFile() {
        byte[] latin1 = "phone,reason\n+14155550101,caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        DncFileReader.BadFile bad = assertThrows(DncFileReader.BadFile.class, () -> read(latin1));
        assertTrue(bad.getMessage().contains("UTF-8"), bad.getMessage());
    }

    @Test
    void aFileOverTheUploadLimitStopsWith413WhileStreaming() {
        byte[] file = "+14155550101\n".repeat(100).getBytes(StandardCharsets.UTF_8);
        ProblemException tooLarge = assertThrows(ProblemException.class,
                () -> read(new UploadLimit(new ByteArrayInputStream(file), 1000)));
        assertEquals(413, tooLarge.status());
        assertEquals(100, read(new UploadLimit(new ByteArrayInputStream(file), file.length)).size());
    }

    @Test
    void checkListIdsMayBeRepeatedOrCommaSeparatedAndInternalIsImplied() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        assertEquals(List.of(a, b), new ArrayList<>(DncCheck.listIds(List.of(a + ", internal", b.toString(), a.toString()))));
        assertEquals(List.of(), new ArrayList<>(DncCheck.listIds(null)));
        ProblemException bad = assertThrows(ProblemException.class, () -> DncCheck.listIds(List.of(a + ",nope")));
        assertEquals("listIds", bad.errors().get(0).field());
    }

    private static List<Row> read(String text) {
        return read(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Row> read(byte[] bytes) {
        return read(new ByteArrayInputStream(bytes));
    }

    private static List<Row> read(java.io.InputStream in) {
        List<Row> rows = new ArrayList<>();
        try (DncFileReader reader = DncFileReader.open(in)) {
            for (Optional<Row> row; (row = reader.next()).isPresent();) {
                rows.add(row.get());
            }
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        return rows;
    }
}
