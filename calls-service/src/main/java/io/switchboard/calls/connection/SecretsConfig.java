package io.switchboard.calls.connection;

import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The keys connection secrets are encrypted with ({@link SecretCipher}). Production sets
 * {@code switchboard.calls.secrets.keys.<id>} (base64 of 32 random bytes) and {@code current-key-id}; to rotate, add a
 * new key, make it current, and keep the old one until {@link SecretRekeyJob} has re-encrypted every secret.
 * Without any configured key a local key file is used (created on first start, like the local JWT keys).
 */
@ConfigMapping(prefix = "switchboard.calls.secrets")
public interface SecretsConfig {

    /** The key new secrets are encrypted under; required when {@link #keys()} is set. */
    Optional<String> currentKeyId();

    /** Key id → base64 AES key (16, 24 or 32 bytes): older keys still needed to read what is not re-keyed yet. */
    Map<String, String> keys();

    /** The current key itself (base64), kept under {@link #currentKeyId()}: the one value a deployment must set. */
    Optional<String> key();

    /** Used only when neither {@link #key()} nor {@link #keys()} is set: a base64 key, created if absent, under key id {@code local}. */
    @WithDefault(".switchboard/keys/calls-secrets.key")
    String keyFile();

    /** How often the re-key job looks for secrets under an older key. */
    @WithDefault("1h")
    String rekeyEvery();
}
