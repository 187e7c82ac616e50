package io.switchboard.calls.connection;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Connection secrets at rest: AES-GCM (JDK crypto) under a key named by id, written as
 * {@code <key id>:<base64(12-byte nonce | ciphertext | 16-byte tag)>}. The key id travels with every ciphertext, so
 * keys rotate: new secrets use the current key, older ones stay readable while their key is still configured, and
 * {@link SecretRekeyJob} re-encrypts them under the current one. The associated data binds a ciphertext to its
 * connection and field, so a ciphertext copied into another row or column does not decrypt.
 */
public final class SecretCipher {

    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9_-]{1,32}");
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final String currentKeyId;
    private final Map<String, SecretKey> keys = new HashMap<>();
    private final SecureRandom random = new SecureRandom();

    /** @param keys key id → raw AES key of 16, 24 or 32 bytes; must contain {@code currentKeyId} */
    public SecretCipher(String currentKeyId, Map<String, byte[]> keys) {
        keys.forEach((id, key) -> {
            if (!KEY_ID.matcher(id).matches()) {
                throw new IllegalArgumentException("secret key id '" + id + "' must match " + KEY_ID);
            }
            if (key.length != 16 && key.length != 24 && key.length != 32) {
                throw new IllegalArgumentException("secret key '" + id + "' must be 16, 24 or 32 bytes, not " + key.length);
            }
            this.keys.put(id, new SecretKeySpec(key, "AES"));
        });
        if (!this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("the current secret key id '" + currentKeyId + "' has no key");
        }
        this.currentKeyId = currentKeyId;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** @param context what the secret belongs to (connection id and field): needed again to decrypt */
    public String encrypt(String plaintext, String context) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE_BYTES + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, NONCE_BYTES, sealed.length);
            return currentKeyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a connection secret", e);
        }
    }

    /** @throws IllegalStateException for an unknown key id, a tampered ciphertext or another context */
    public String decrypt(String ciphertext, String context) {
        int colon = ciphertext.indexOf(':');
        SecretKey key = colon < 0 ? null : keys.get(ciphertext.substring(0, colon));
        if (key == null) {
            throw new IllegalStateException("a connection secret is encrypted under a key that is not configured ("
                    + (colon < 0 ? "no key id" : ciphertext.substring(0, colon)) + ")");
        }
        try {
            byte[] in = Base64.getDecoder().decode(ciphertext.substring(colon + 1));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("a connection secret does not decrypt (tampered, or another row's)", e);
        }
    }

    /** Whether a ciphertext is under the current key (else the re-key job re-encrypts it). */
    public boolean isCurrent(String ciphertext) {
        return ciphertext.startsWith(currentKeyId + ":");
    }
}
