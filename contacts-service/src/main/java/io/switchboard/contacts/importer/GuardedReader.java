package io.switchboard.contacts.importer;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file as the CSV parser reads it, with the checks that make a bad file a clear job error
 * instead of garbage rows: strict UTF-8 (a Latin-1 or binary file stops at its first invalid byte), no NUL characters
 * (binary content; PostgreSQL cannot store them either), no physical line longer than the cap (a file without line
 * breaks would otherwise become one giant field in memory). A leading byte-order mark is dropped.
 */
final class GuardedReader extends FilterReader {

    private final int maxLineLength;
    private long line = 1;
    private int lineLength;
    private boolean started;

    GuardedReader(InputStream in, int maxLineLength) {
        super(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)));
        this.maxLineLength = maxLineLength;
    }

    @Override
    public int read() throws IOException {
        char[] one = new char[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0];
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        int n;
        try {
            n = super.read(buffer, offset, length);
        } catch (CharacterCodingException e) {
            throw new BadFileException("line " + line + ": the file is not UTF-8 text; save it as UTF-8 (CSV UTF-8) and upload it again");
        }
        if (n <= 0) {
            return n;
        }
        if (!started) {
            started = true;
            if (buffer[offset] == '\uFEFF') {
                System.arraycopy(buffer, offset + 1, buffer, offset, n - 1);
                n--;
                if (n == 0) {
                    return read(buffer, offset, length);
                }
            }
        }
        for (int i = offset; i < offset + n; i++) {
            char c = buffer[i];
            if (c == '\n') {
                line++;
                lineLength = 0;
            } else if (c == '\0') {
                throw new BadFileException("line " + line + ": the file contains binary data (NUL characters); upload a text file");
            } else if (++lineLength > maxLineLength) {
                throw new BadFileException("line " + line + ": longer than " + maxLineLength + " characters");
            }
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false;
    }
}
