package io.switchboard.calls.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final byte[] OLD = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEW = "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aSecretRoundTripsAndIsNotStoredInPlainText() {
        SecretCipher cipher = new SecretCipher("k1", Map.of("k1", NEW));
        String sealed = cipher.encrypt("twilio-auth-token", "conn/webhook_secret");
        assertTrue(sealed.startsWith("k1:"));
        assertFalse(sealed.contains("twilio-auth-token"));
        assertFalse(new String(Base64.getDecoder().decode(sealed.substring(3)), StandardCharsets.ISO_8859_1).contains("twilio"));
        assertEquals("twilio-auth-token", cipher.decrypt(sealed, "conn/webhook_secret"));
    }

    @Test
    void theSameSecretEncryptsDifferentlyEachTime() {
        SecretCipher cipher = new SecretCipher("k1", Map.of("k1", NEW));
        assertNotEquals(cipher.encrypt("s", "c"), cipher.encrypt("s", "c"));
    }

    @Test
    void aCiphertextMovedToAnotherConnectionOrFieldDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher("k1", Map.of("k1", NEW));
        String sealed = cipher.encrypt("s", "conn-a/api_key");
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "conn-b/api_key"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt(sealed, "conn-a/webhook_secret"));
    }

    @Test
    void aTamperedCiphertextDoesNotDecrypt() {
        SecretCipher cipher = new SecretCipher("k1", Map.of("k1", NEW));
        String sealed = cipher.encrypt("secret", "c");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:" + Base64.getEncoder().encodeToString(raw), "c"));
        assertThrows(IllegalStateException.class, () -> cipher.decrypt("k1:not base64!", "c"));
    }

    @Test
    void afterRotationOldCiphertextsStillDecryptAndAreRecognizedAsOld() {
        String sealedOld = new SecretCipher("k1", Map.of("k1", OLD)).encrypt("secret", "c");
        SecretCipher rotated = new SecretCipher("k2", Map.of("k1", OLD, "k2", NEW));
        assertEquals("secret", rotated.decrypt(sealedOld, "c"));
        assertFalse(rotated.isCurrent(sealedOld));
        assertTrue(rotated.isCurrent(rotated.encrypt("secret", "c")));
    }

    @Test
    void aCiphertextUnderARemovedKeyFailsLoudly() {
        String sealedOld = new SecretCipher("k1", Map.of("k1", OLD)).encrypt("secret", "c");
        SecretCipher withoutOld = new SecretCipher("k2", Map.of("k2", NEW));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> withoutOld.decrypt(sealedOld, "c"));
        assertTrue(e.getMessage().contains("k1"));
    }

    @Test
    void misconfiguredKeysAreRefusedAtStart() {
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher("k1", Map.of("k1", new byte[7])));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher("k2", Map.of("k1", NEW)));
        assertThrows(IllegalArgumentException.class, () -> new SecretCipher("k:1", Map.of("k:1", NEW)));
    }
}
