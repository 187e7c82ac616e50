package io.switchboard.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The RSA key pair tests sign and verify tokens with. Generated on first use by the same
 * {@code bin/KeyGen.java} that {@code ./switchboard up} runs, into {@code .switchboard/test-keys/}
 * (git-ignored, never committed), and shared by every test JVM and every service process a system
 * test starts, so they all trust the same issuer.
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
        Path root = Infra.projectRoot();
        Path target = root.resolve(".switchboard/test-keys");
        try {
            if (!Files.exists(target.resolve("public.pem"))) {
                Files.createDirectories(target.getParent());
                Path tmp = Files.createTempDirectory(target.getParent(), "keys");
                generate(root, tmp);
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    // another JVM generated them first: use theirs
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        dir = target;
        return dir;
    }

    private static void generate(Path root, Path into) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), root.resolve("bin/KeyGen.java").toString(), into.toString()))
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/KeyGen.java failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
