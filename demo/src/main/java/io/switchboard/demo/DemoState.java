package io.switchboard.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Properties;

/**
 * The organization the last run signed up, kept (like the local keys, git-ignored, owner-only) so that a run after the
 * gateway's sign-up limit can log in to it instead.
 */
record DemoState(String email, String password, String tenantId, String slug) {

    static void save(Path file, DemoState state) {
        Properties p = new Properties();
        p.setProperty("email", state.email());
        p.setProperty("password", state.password());
        p.setProperty("tenantId", state.tenantId());
        p.setProperty("slug", state.slug());
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.deleteIfExists(file);
            try {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException e) {
                Files.createFile(file);
            }
            try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                p.store(out, "the organization ./switchboard demo signed up last");
            }
        } catch (IOException e) {
            // only a later run's fallback is lost
        }
    }

    /** The saved organization, or null when there is none (or it cannot be read). */
    static DemoState load(Path file) {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        String email = p.getProperty("email");
        String password = p.getProperty("password");
        return email == null || password == null ? null
                : new DemoState(email, password, p.getProperty("tenantId", "?"), p.getProperty("slug", "?"));
    }
}
