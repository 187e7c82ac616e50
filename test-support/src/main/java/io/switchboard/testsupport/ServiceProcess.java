package io.switchboard.testsupport;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code <module>/target/quarkus-app/quarkus-run.jar}) running as its own JVM
 * against the test PostgreSQL and Kafka, on a free port. For end-to-end tests and benchmarks.
 */
public final class ServiceProcess implements AutoCloseable {

    /**
     * How long a service may take to answer /q/health/ready: four services start at once, and on a shared 2-core box
     * under other builds a start-up has taken 110 s. {@code -Dswitchboard.test.service-ready-timeout=PT5M} to change.
     */
    private static final Duration READY_TIMEOUT = Duration.parse(
            System.getProperty("switchboard.test.service-ready-timeout", "PT3M"));

    private final String module;
    private final String portEnv;
    private final int port;
    private final Map<String, String> env;
    private final Path log;
    /** replaced by {@link #restart()}: the same module on the same port with the same settings */
    private volatile Process process;

    private ServiceProcess(String module, String portEnv, int port, Map<String, String> env, Path log) {
        this.module = module;
        this.portEnv = portEnv;
        this.port = port;
        this.env = Map.copyOf(env);
        this.log = log;
    }

    /** Starts {@code module} with the given extra environment and waits until /q/health/ready answers 200. */
    public static ServiceProcess start(String module, String portEnv, Map<String, String> env) {
        try {
            Path log = Files.createTempFile("switchboard-" + module + "-", ".log");
            ServiceProcess service = new ServiceProcess(module, portEnv, freePort(), env, log);
            service.launch();
            return service;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
    }

    private void launch() {
        Path jar = Infra.projectRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (./mvnw package)");
        }
        try {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString()));
            // appended: a restarted service's log follows the killed one's
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.environment().put(portEnv, String.valueOf(port));
            pb.environment().put("SWITCHBOARD_PG_PORT", String.valueOf(Infra.PG_PORT));
            pb.environment().put("SWITCHBOARD_KAFKA_PORT", String.valueOf(Infra.KAFKA_PORT));
            pb.environment().put("SWITCHBOARD_DB_USER", Infra.DB_USER);
            pb.environment().put("SWITCHBOARD_DB_PASSWORD", Infra.DB_PASSWORD);
            pb.environment().put("SWITCHBOARD_DB_OWNER_USER", Infra.DB_OWNER_USER);
            pb.environment().put("SWITCHBOARD_DB_OWNER_PASSWORD", Infra.DB_OWNER_PASSWORD);
            pb.environment().put("SWITCHBOARD_JWT_VERIFY_KEY", TestKeys.publicKeyPem().toUri().toString());
            pb.environment().put("SWITCHBOARD_JWT_SIGN_KEY", TestKeys.privateKeyPem().toUri().toString());
            pb.environment().putAll(env);
            process = pb.start();
            awaitReady(READY_TIMEOUT);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + module, e);
        }
    }

    /**
     * {@code kill -9}: the JVM gets no chance to finish anything (no shutdown hooks, no commits, no acknowledgements).
     * Returns once the process is gone.
     */
    public void kill() {
        Process current = process;
        current.destroyForcibly(); // SIGKILL on Linux and macOS
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(module + " still alive 30 s after SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Starts the module again on the same port with the same settings (after {@link #kill()}); waits until ready. */
    public void restart() {
        if (process.isAlive()) {
            throw new IllegalStateException(module + " is still running: kill it first");
        }
        launch();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    /** The service's process id (for a benchmark reading its CPU time from /proc). */
    public long pid() {
        return process.pid();
    }

    /** Peak resident set size so far (Linux VmHWM), in MiB; -1 where /proc cannot tell. */
    public long peakRssMiB() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    public Path log() {
        return log;
    }

    private void awaitReady(Duration timeout) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(module + " exited during start-up; log: " + tail());
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(url() + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        close();
        throw new IllegalStateException(module + " not ready within " + timeout + "; log: " + tail());
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
