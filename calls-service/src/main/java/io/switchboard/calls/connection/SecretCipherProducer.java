package io.switchboard.calls.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

public class SecretCipherProducer {

    private static final Logger LOG = Logger.getLogger(SecretCipherProducer.class);
    static final String LOCAL_KEY_ID = "local";

    @Produces
    @Singleton
    SecretCipher cipher(SecretsConfig config) {
        if (!config.keys().isEmpty() || config.key().isPresent()) {
            Map<String, byte[]> keys = new HashMap<>();
            config.keys().forEach((id, key) -> keys.put(id, Base64.getDecoder().decode(key.trim())));
            String current = config.currentKeyId().orElseThrow(() -> new IllegalStateException(
                    "switchboard.calls.secrets.current-key-id must name the key new secrets are encrypted under"));
            config.key().ifPresent(key -> keys.put(current, Base64.getDecoder().decode(key.trim())));
            return new SecretCipher(current, keys);
        }
        return new SecretCipher(LOCAL_KEY_ID, Map.of(LOCAL_KEY_ID, localKey(Path.of(config.keyFile()))));
    }

    private static byte[] localKey(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Files.createDirectories(file.toAbsolutePath().getParent());
                Files.writeString(file, Base64.getEncoder().encodeToString(key), StandardCharsets.US_ASCII);
                try {
                    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException e) {
                    // not a POSIX file system: the file stays with the default permissions
                }
                LOG.warnf("created a local key for connection secrets at %s; production sets switchboard.calls.secrets.keys", file);
            }
            return Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).trim());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read or create the connection secrets key file " + file, e);
        }
    }
}
