package io.switchboard.calls.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The provider payload fixtures under src/test/resources/fixtures (see the README there) as deliveries. */
public final class Fixtures {

    /** One call's deliveries in provider order. */
    public record Sequence(String provider, String name, List<Path> files) {
        public List<VerifiedDelivery> deliveries(UUID tenantId, UUID connectionId) {
            return files.stream().map(f -> delivery(provider, f, tenantId, connectionId)).toList();
        }

        @Override
        public String toString() {
            return provider + "/" + name;
        }
    }

    private Fixtures() {
    }

    public static Path root() {
        try {
            return Path.of(Fixtures.class.getClassLoader().getResource("fixtures").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every call sequence of every provider (not the ignored event types under other/). */
    public static List<Sequence> sequences() {
        try (Stream<Path> providers = Files.list(root())) {
            return providers.filter(Files::isDirectory).sorted().flatMap(provider -> {
                try (Stream<Path> calls = Files.list(provider)) {
                    return calls.filter(Files::isDirectory).filter(c -> !c.getFileName().toString().equals("other"))
                            .sorted().map(c -> new Sequence(provider.getFileName().toString(),
                                    c.getFileName().toString(), files(c))).toList().stream();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VerifiedDelivery delivery(String provider, String relativePath) {
        return delivery(provider, root().resolve(provider).resolve(relativePath), UUID.randomUUID(), UUID.randomUUID());
    }

    public static VerifiedDelivery delivery(String provider, Path file, UUID tenantId, UUID connectionId) {
        String name = file.getFileName().toString();
        boolean form = name.endsWith(".form");
        // Twilio posts to /voice or /status: the fixture's name says which (NN-voice…, NN-status…)
        String subpath = provider.equals("twilio") ? name.replaceFirst("^\\d+-", "").split("[-.]")[0] : "";
        try {
            return new VerifiedDelivery(tenantId, connectionId, provider, subpath,
                    form ? "application/x-www-form-urlencoded" : "application/json", Files.readAllBytes(file),
                    Map.of(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static VerifiedDelivery body(String provider, String subpath, String body) {
        return new VerifiedDelivery(UUID.randomUUID(), UUID.randomUUID(), provider, subpath, "application/json",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of(), Instant.now());
    }

    private static List<Path> files(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
