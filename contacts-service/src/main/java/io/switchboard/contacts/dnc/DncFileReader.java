package io.switchboard.contacts.dnc;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads an uploaded list of numbers one record at a time (never the whole file): a CSV file whose first row
 * names the phone column ({@code phone}, {@code phone_number}, {@code number}, ...) and optionally a
 * {@code reason} column, or one number per line (the first column when there is no such header). UTF-8 (a BOM
 * is skipped). A file that cannot be read as such (not UTF-8, an unterminated quote) is a {@link BadFile}.
 */
public final class DncFileReader implements Closeable {

    static final List<String> PHONE_HEADERS = List.of("phone", "phone_number", "phonenumber", "number", "telephone", "mobile");
    static final String REASON_HEADER = "reason";

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .setIgnoreSurroundingSpaces(true)
            .get();

    /** One data row: its record number in the file (the header is row 1) and its raw phone and reason. */
    public record Row(long row, String phone, String reason) {
    }

    /** The file as a whole cannot be read; {@code row} is where reading stopped. */
    public static final class BadFile extends RuntimeException {

        private final long row;

        BadFile(long row, String message) {
            super(message);
            this.row = row;
        }

        public long row() {
            return row;
        }
    }

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private boolean started;
    private int phoneColumn;
    private int reasonColumn = -1;
    private CSVRecord pending;
    private long lastRow;

    private DncFileReader(Reader reader) throws IOException {
        this.parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
        this.records = parser.iterator();
    }

    public static DncFileReader open(InputStream in) {
        // REPORT, not the default REPLACE: a file that is not UTF-8 is refused instead of stored as mojibake
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            return new DncFileReader(new SkipBom(new InputStreamReader(in, decoder)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next data row, or empty at the end of the file. */
    public Optional<Row> next() {
        if (!started) {
            started = true;
            CSVRecord first = read();
            if (first == null) {
                return Optional.empty();
            }
            if (!header(first)) {
                pending = first;
            }
        }
        CSVRecord record = pending != null ? pending : read();
        pending = null;
        if (record == null) {
            return Optional.empty();
        }
        return Optional.of(new Row(record.getRecordNumber(), column(record, phoneColumn), column(record, reasonColumn)));
    }

    /** A header names the phone column; without one, every row is data and the number is its first column. */
    private boolean header(CSVRecord first) {
        int phone = -1;
        int reason = -1;
        for (int i = 0; i < first.size(); i++) {
            String name = first.get(i).toLowerCase(Locale.ROOT).replace(' ', '_');
            if (phone < 0 && PHONE_HEADERS.contains(name)) {
                phone = i;
            } else if (reason < 0 && REASON_HEADER.equals(name)) {
                reason = i;
            }
        }
        if (phone < 0) {
            return false;
        }
        phoneColumn = phone;
        reasonColumn = reason;
        return true;
    }

    private CSVRecord read() {
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            lastRow = record.getRecordNumber();
            return record;
        } catch (UncheckedIOException e) {
            throw bad(e.getCause());
        } catch (IllegalStateException e) {
            // commons-csv reports some parse failures (e.g. an unterminated quote) as IllegalStateException wrapping an IOException
            throw bad(e.getCause() != null ? e.getCause() : e);
        }
    }

    private BadFile bad(Throwable cause) {
        long row = lastRow + 1;
        if (cause instanceof CharacterCodingException) {
            return new BadFile(row, "is not UTF-8 text (at row " + row + ")");
        }
        String message = cause == null || cause.getMessage() == null ? "cannot be read" : cause.getMessage();
        if (message.length() > 200) {
            message = message.substring(0, 200);
        }
        return new BadFile(row, "is not a readable CSV file after row " + lastRow + ": " + message);
    }

    private static String column(CSVRecord record, int index) {
        if (index < 0 || index >= record.size()) {
            return null;
        }
        String value = record.get(index);
        return value == null || value.isEmpty() ? null : value;
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    /** Drops a leading UTF-8 byte order mark (Excel writes one). */
    private static final class SkipBom extends java.io.FilterReader {

        private boolean first = true;

        SkipBom(Reader in) {
            super(in);
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (first && n > 0) {
                first = false;
                if (buffer[offset] == '\uFEFF') {
                    System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                    return n - 1 == 0 ? read(buffer, offset, length) : n - 1;
                }
            }
            return n;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }
    }
}
