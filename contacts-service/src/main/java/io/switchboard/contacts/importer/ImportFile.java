package io.switchboard.contacts.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * An uploaded file opened for one pass: the guarded reader under a commons-csv parser, the header (CSV) turned into a
 * {@link RowMapper}, and the data rows as an iterator. Rows are read one at a time from disk; nothing holds the file.
 * Every structural problem surfaces as a {@link BadFileException} with a message for the job's error.
 */
final class ImportFile implements AutoCloseable {

    private static final Pattern START_LINE = Pattern.compile("\\(startline (\\d+)\\)");

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    final RowMapper mapper;
    final char delimiter;

    private ImportFile(CSVParser parser, RowMapper mapper, char delimiter) {
        this.parser = parser;
        this.records = parser.iterator();
        this.mapper = mapper;
        this.delimiter = delimiter;
    }

    /**
     * @param delimiter the delimiter, or null to sniff it from the first line
     */
    static ImportFile open(Path file, ImportFormat format, Character delimiter, Map<String, ContactField> mapping,
            String region, int maxLineLength) throws IOException {
        if (Files.size(file) == 0) {
            throw new BadFileException("the file is empty");
        }
        char resolved = delimiter != null ? delimiter : Delimiters.sniff(firstLine(file, maxLineLength), format);
        CSVFormat csv = CSVFormat.RFC4180.builder().setDelimiter(resolved)
                .setQuote(format == ImportFormat.VICIDIAL ? null : Character.valueOf('"'))
                .setIgnoreEmptyLines(true).get();
        Reader reader = new GuardedReader(Files.newInputStream(file), maxLineLength);
        CSVParser parser = CSVParser.parse(reader, csv);
        try {
            RowMapper mapper;
            if (format == ImportFormat.VICIDIAL) {
                mapper = RowMapper.vicidial(region);
            } else {
                Iterator<CSVRecord> it = parser.iterator();
                if (!next(it)) {
                    throw new BadFileException("the file is empty");
                }
                List<String> header = new ArrayList<>(it.next().toList());
                mapper = RowMapper.csv(header, mapping, region);
            }
            return new ImportFile(parser, mapper, resolved);
        } catch (IOException | RuntimeException e) {
            parser.close();
            throw e;
        }
    }

    boolean hasNext() throws BadFileException {
        return next(records);
    }

    CSVRecord next() {
        return records.next();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static boolean next(Iterator<CSVRecord> it) throws BadFileException {
        try {
            return it.hasNext();
        } catch (UncheckedIOException e) {
            throw explain(e.getCause());
        }
    }

    static BadFileException explain(IOException e) {
        if (e instanceof BadFileException bad) {
            return bad;
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("EOF reached before encapsulated token finished")) {
            Matcher line = START_LINE.matcher(message);
            return new BadFileException((line.find() ? "line " + line.group(1) + ": " : "")
                    + "a quoted field is never closed (unterminated quote)");
        }
        return new BadFileException("the file is not valid CSV: " + message);
    }

    private static String firstLine(Path file, int maxLineLength) throws IOException {
        try (InputStream in = Files.newInputStream(file); Reader reader = new GuardedReader(in, maxLineLength)) {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = reader.read()) >= 0 && c != '\n' && line.length() < maxLineLength) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
