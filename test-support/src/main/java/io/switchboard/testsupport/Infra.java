package io.switchboard.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real servers tests run against: a PostgreSQL and a Kafka broker started by {@code bin/infra}
 * under {@code .switchboard/test-infra}, on their own ports so a running dev platform is never touched.
 * Ports are overridable with {@code SWITCHBOARD_TEST_PG_PORT} / {@code SWITCHBOARD_TEST_KAFKA_PORT}.
 */
public final class Infra {

    public static final int PG_PORT = intEnv("SWITCHBOARD_TEST_PG_PORT", 25432);
    public static final int KAFKA_PORT = intEnv("SWITCHBOARD_TEST_KAFKA_PORT", 29092);
    public static final String KAFKA_BOOTSTRAP = "127.0.0.1:" + KAFKA_PORT;
    /** The role services connect as: reads and writes rows, owns nothing (bin/infra creates it). */
    public static final String DB_USER = "switchboard_app";
    public static final String DB_PASSWORD = "switchboard_app";
    /** The role that owns the tables: Flyway migrates as it. */
    public static final String DB_OWNER_USER = "switchboard";
    public static final String DB_OWNER_PASSWORD = "switchboard";

    private Infra() {
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/" + database;
    }

    /** Starts PostgreSQL and Kafka if they are not running (cheap when they are). */
    public static void ensureStarted() {
        run("start");
    }

    public static void stopKafka() {
        run("stop-kafka");
    }

    public static void startKafka() {
        run("start-kafka");
    }

    public static Path projectRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null) {
            if (Files.isExecutable(dir.resolve("bin/infra")) && Files.exists(dir.resolve("switchboard"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the project root (bin/infra) above " + System.getProperty("user.dir"));
    }

    private static synchronized void run(String command) {
        Path root = projectRoot();
        ProcessBuilder pb = new ProcessBuilder(List.of(root.resolve("bin/infra").toString(), command))
                .directory(root.toFile())
                .redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SWITCHBOARD_INFRA_HOME", root.resolve(".switchboard/test-infra").toString());
        env.put("SWITCHBOARD_PG_PORT", String.valueOf(PG_PORT));
        env.put("SWITCHBOARD_KAFKA_PORT", String.valueOf(KAFKA_PORT));
        env.put("SWITCHBOARD_PG_DURABLE", "false");
        try {
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("bin/infra " + command + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run bin/infra " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int intEnv(String name, int fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
    }
}
