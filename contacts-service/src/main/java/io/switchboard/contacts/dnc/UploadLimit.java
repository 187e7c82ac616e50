package io.switchboard.contacts.dnc;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import io.switchboard.platform.problem.ProblemException;

/**
 * Counts an upload's bytes as they stream in and stops it with 413 past the limit, whether or not the client
 * sent a Content-Length (a chunked upload has none). The transaction reading it then rolls back whole.
 */
final class UploadLimit extends FilterInputStream {

    private final long limit;
    private long count;

    UploadLimit(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload Too Large",
                "file: larger than the limit of " + limit + " bytes; split it into several files", List.of());
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    private void counted(int n) {
        count += n;
        if (count > limit) {
            throw tooLarge(limit);
        }
    }
}
