package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair tests sign and verify tokens with. Generated on first use into
 * {@code .switchboard/test-keys/} (git-ignored, never committed) and shared by every test JVM and every
 * service process a system test starts, so they all trust the same issuer.
 */
public final class TestKeys {

    private static Path dir;

    private TestKeys() {
    }

    public static synchronized Path privateKeyPem() {
        return ensure().resolve("private.pem");
    }

    public static synchronized Path publicKeyPem() {
        return ensure().resolve("public.pem");
    }

    public static PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyPem()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path ensure() {
        if (dir != null) {
            return dir;
        }
        Path target = Infra.projectRoot().resolve(".switchboard/test-keys");
        try {
            if (!Files.exists(target.resolve("public.pem"))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), "keys");
                KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(2048);
                KeyPair pair = generator.generateKeyPair();
                Files.writeString(tmp.resolve("private.pem"), pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
                Files.writeString(tmp.resolve("public.pem"), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // another JVM generated them first: use theirs
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        dir = target;
        return dir;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
