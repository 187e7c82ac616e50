package io.switchboard.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.switchboard.testsupport.Infra;

/**
 * The database's own ceiling for the write path: {@code pgbench} running, in one transaction, the statements
 * calls-service issues for {@code POST /api/v1/calls} (the tenant setting the connection pool applies, the
 * call row, the outbox row holding the serialized event), as the same database role, against the same
 * database, with the same number of clients the HTTP load uses.
 */
final class PgBench {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+)");

    private PgBench() {
    }

    static boolean available() {
        return binary() != null;
    }

    /** Transactions per second of the call-create SQL, on the given tables (copies of call and outbox_event). */
    static double callCreateTps(UUID tenant, String cloudEvent, int clients, Duration duration, String callTable,
            String outboxTable) {
        String script = """
                SELECT set_config('app.tenant_id', :tenant, false);
                BEGIN;
                INSERT INTO %s (id, tenant_id, direction, status, from_number, to_number, agent_id, campaign_id, contact_id, created_at, updated_at)
                  VALUES (gen_random_uuid(), CAST(:tenant AS uuid), 'outbound', 'queued', NULL, '+14155550123', NULL, NULL, NULL, now(), now());
                INSERT INTO %s (id, tenant_id, topic, event_key, event_type, cloud_event, created_at)
                  VALUES (gen_random_uuid(), CAST(:tenant AS uuid), 'switchboard.calls', CAST(gen_random_uuid() AS text), 'io.switchboard.call.created.v1', :event, now());
                END;
                """.formatted(callTable, outboxTable);
        return tps(script, Map.of("tenant", tenant.toString(), "event", cloudEvent), clients, duration);
    }

    /** Transactions per second of a pgbench script (its {@code :name} variables given), as the service's role on calls. */
    static double tps(String script, Map<String, String> variables, int clients, Duration duration) {
        return tps(script, variables, clients, duration, "calls");
    }

    /** {@link #tps(String, Map, int, Duration)} against another service's database. */
    static double tps(String script, Map<String, String> variables, int clients, Duration duration, String database) {
        try {
            Path file = Files.createTempFile("bench-", ".sql");
            Files.writeString(file, script);
            List<String> command = new ArrayList<>(List.of(binary(), "-h", "127.0.0.1", "-p", String.valueOf(Infra.PG_PORT),
                    "-U", Infra.DB_USER, "-n", "-M", "prepared", "-c", String.valueOf(clients), "-j", "2", "-T",
                    String.valueOf(duration.toSeconds())));
            variables.forEach((name, value) -> command.addAll(List.of("-D", name + "=" + value)));
            command.addAll(List.of("-f", file.toString(), database));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().put("PGPASSWORD", Infra.DB_PASSWORD);
            Process process = pb.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            Files.deleteIfExists(file);
            Matcher tps = TPS.matcher(output);
            if (process.exitValue() != 0 || !tps.find()) {
                throw new IllegalStateException("pgbench failed:\n" + output);
            }
            return Double.parseDouble(tps.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run pgbench", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code pgbench} from the PATH (Debian's postgresql-client), or null. */
    private static String binary() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
