package io.switchboard.contacts.importer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.switchboard.platform.problem.ProblemException;

/**
 * Streams an upload to its spool file on disk (64 KiB at a time, never the whole body in memory) and enforces the size
 * limit: a declared Content-Length above it is refused before reading, a body that grows past it while streaming
 * (chunked transfer) is cut off; both answer 413 and leave no file and no job behind.
 */
@ApplicationScoped
public class ImportUploads {

    @Inject
    ImportConfig config;

    Path spool(UUID importId, InputStream body, Long contentLength) {
        long limit = config.maxUploadBytes();
        if (contentLength != null && contentLength > limit) {
            throw tooLarge(limit);
        }
        Path file;
        try {
            Files.createDirectories(config.spoolDir());
            file = config.spoolDir().resolve(importId + ".upload");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the import spool directory", e);
        }
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                total += n;
                if (total > limit) {
                    throw tooLarge(limit);
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return file;
        } catch (IOException e) {
            throw new ProblemException(400, "upload-failed", "Upload failed", "the upload broke off before its end: "
                    + e.getMessage(), List.of());
        } finally {
            if (!kept) {
                discard(file);
            }
        }
    }

    static void discard(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ProblemException tooLarge(long limit) {
        return new ProblemException(413, "payload-too-large", "Payload Too Large",
                "the file is larger than the import limit of " + limit + " bytes; split it into several imports", List.of());
    }
}
