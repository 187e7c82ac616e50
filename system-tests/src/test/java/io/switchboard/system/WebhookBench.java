package io.switchboard.system;

import static io.restassured.RestAssured.given;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.switchboard.system.LoadGenerator.Request;
import io.switchboard.system.LoadGenerator.Result;
import io.switchboard.system.RunningPlatform.SignedUp;
import io.switchboard.testsupport.Infra;

/**
 * The webhook figure of {@code ./switchboard bench} (phase {@code webhooks}): VAPI {@code end-of-call-report} server
 * messages (the documented fixture, authenticated with {@code X-Vapi-Secret}) posted through the gateway to a
 * connection's {@code /webhooks/vapi/{id}} at 16 and 64 connections, each for a new provider call id, so every
 * report creates a call and completes it; the baseline is pgbench running, in one transaction, the INSERT/UPDATE
 * statements calls-service issues for one such report (call, processed delivery, timeline entry, transcript,
 * recording, the call's update, its outbox events, the delivery log entry) with the values of a real report, on
 * copies of the tables, as the same role, with as many clients. At the end the calls are counted in the database,
 * so the figure is calls written, not answers.
 */
final class WebhookBench {

    private static final String FIXTURE = "../calls-service/src/test/resources/fixtures/vapi/outbound-completed/04-end-of-call-report.json";
    private static final String FIXTURE_CALL_ID = "c6b4f1a2-9d3e-4b8a-a1f0-5e2d7c9b3a41";
    private static final String PLACEHOLDER = "{{CALL}}";
    private static final String SECRET = "bench-vapi-server-secret";
    private static final List<String> TABLES = List.of("call", "processed_delivery", "call_event", "call_transcript",
            "call_recording", "webhook_delivery", "outbox_event");

    private WebhookBench() {
    }

    static void run(RunningPlatform platform, SignedUp tenant, LoadGenerator load, Duration warmup, Duration measure)
            throws Exception {
        String connectionId = given().header("Authorization", tenant.bearer()).contentType("application/json")
                .body(Map.of("provider", "vapi", "name", "bench", "webhookSecret", SECRET))
                .post(platform.url() + "/api/v1/provider-connections").then().statusCode(201).extract().path("id");
        String body = Files.readString(Path.of(FIXTURE)).replace(FIXTURE_CALL_ID, PLACEHOLDER);
        Request report = new Request("POST", platform.url() + "/webhooks/vapi/" + connectionId,
                Map.of("X-Vapi-Secret", SECRET, "Content-Type", "application/json"), body);

        CpuMeter cpu = new CpuMeter(List.of(platform.gateway, platform.calls, platform.contacts, platform.campaigns,
                platform.analytics));
        long sent = load.runDistinct(report, PLACEHOLDER, 16, warmup, 200).requests();
        Map<String, Double> cpu0 = cpu.read();
        Result at16 = load.runDistinct(report, PLACEHOLDER, 16, measure, 200);
        Map<String, Double> cpu16 = cpu.read();
        Result at64 = load.runDistinct(report, PLACEHOLDER, 64, measure, 200);
        Map<String, Double> cpu64 = cpu.read();
        sent += at16.requests() + at64.requests();
        long calls = countCalls(tenant.tenantId());
        if (calls < sent) {
            throw new IllegalStateException(sent + " reports answered 200 but only " + calls + " VAPI calls exist");
        }

        double pg16 = Double.NaN;
        double pg64 = Double.NaN;
        Map<String, Double> pgCpu16 = Map.of();
        Map<String, Double> pgCpu64 = Map.of();
        if (PgBench.available()) {
            Map<String, String> values = valuesOfOneReport(tenant.tenantId(), connectionId);
            String script = script(Integer.parseInt(values.get("events")));
            createCopies();
            try {
                Map<String, Double> before = cpu.read();
                pg16 = PgBench.tps(script, values, 16, measure);
                Map<String, Double> after16 = cpu.read();
                pg64 = PgBench.tps(script, values, 64, measure);
                pgCpu16 = CpuMeter.perUnit(before, after16, Math.round(pg16 * measure.toSeconds()));
                pgCpu64 = CpuMeter.perUnit(after16, cpu.read(), Math.round(pg64 * measure.toSeconds()));
            } finally {
                dropCopies();
            }
        } else {
            System.out.println("pgbench not on the PATH (Debian: postgresql-client): no database baseline");
        }
        String what = PlatformBench.CALL_CONSUMERS ? "end-of-call report, gateway, " : "intake only (no call consumers), ";
        line(what + "16", at16, pg16);
        line(what + "64", at64, pg64);
        // where the CPU of the box went (2 cores shared by everything): the reports start work that goes on after
        // their answer (the outbox relay, five services' consumers of the six events), and it is counted here while
        // it runs; pgbench's lines show the database's own cost of the same writes
        System.out.println("  CPU during the measured phases, per report or pgbench transaction:");
        Map<String, Double> reportCpu16 = CpuMeter.perUnit(cpu0, cpu16, at16.requests());
        Map<String, Double> reportCpu64 = CpuMeter.perUnit(cpu16, cpu64, at64.requests());
        System.out.println("    16 connections: " + CpuMeter.describe(reportCpu16, "report"));
        System.out.println("    64 connections: " + CpuMeter.describe(reportCpu64, "report"));
        if (!pgCpu16.isEmpty()) {
            System.out.println("    pgbench, 16 clients: " + CpuMeter.describe(pgCpu16, "tx"));
            System.out.println("    pgbench, 64 clients: " + CpuMeter.describe(pgCpu64, "tx"));
            bounds(reportCpu64, pgCpu64);
        }
        System.out.printf("  %d reports sent, %d VAPI calls in the calls database (each report created and completed one)%n",
                sent, calls);
    }

    /**
     * What bounds the ratio, from the same readings (64 connections / clients). While every part shares the box's
     * cores, reports/s ÷ pgbench tx/s can be at most pgbench's CPU per transaction ÷ the platform's CPU per report. Where
     * only the database is shared (each service on cores of its own, as in a Kubernetes deployment), the bound is
     * PostgreSQL's CPU per pgbench transaction ÷ PostgreSQL's CPU per report: a projection from measured costs, not a
     * measured rate (this machine cannot give the services cores of their own).
     */
    private static void bounds(Map<String, Double> report, Map<String, Double> pgbench) {
        double reportTotal = CpuMeter.total(report);
        double txTotal = CpuMeter.total(pgbench);
        System.out.printf("  bound on the ratio at 64, all parts sharing these cores: %.1f ms per tx / %.1f ms per report = %.2f x%n",
                txTotal, reportTotal, txTotal / reportTotal);
        Double reportDb = report.get("postgresql");
        Double txDb = pgbench.get("postgresql");
        if (reportDb != null && txDb != null && reportDb > 0) {
            System.out.printf("  bound at 64 if only PostgreSQL were shared (projection): %.1f ms per tx / %.1f ms per report = %.2f x%n",
                    txDb, reportDb, txDb / reportDb);
        }
    }

    private static void line(String what, Result r, double pgTps) {
        System.out.printf("%-38s %8.0f rep/s  p50 %6.2f ms  p99 %7.2f ms  vs pgbench %6.0f tx/s -> %.3f x pgbench (goal >= 0.5)%n",
                what, r.rps(), r.p50Ms(), r.p99Ms(), pgTps, r.rps() / pgTps);
    }

    private static long countCalls(UUID tenant) throws SQLException {
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_USER, Infra.DB_PASSWORD);
                Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
            try (ResultSet rs = sql.executeQuery("SELECT count(*) FROM call WHERE provider = 'vapi' AND ended_at IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The stored values one real report produced (timeline entry, transcript, recording, call, outbox events). */
    private static Map<String, String> valuesOfOneReport(UUID tenant, String connectionId) throws SQLException {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("tenant", tenant.toString());
        v.put("connection", connectionId);
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_OWNER_USER, Infra.DB_OWNER_PASSWORD);
                Statement sql = db.createStatement()) {
            sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
            String callId;
            try (ResultSet rs = sql.executeQuery("""
                    SELECT c.id, c.direction, c.status, coalesce(c.from_number, ''), coalesce(c.to_number, ''),
                        coalesce(c.provider_agent_id, ''), coalesce(c.started_at::text, ''), coalesce(c.ended_at::text, ''),
                        coalesce(c.duration_seconds::text, ''), coalesce(c.cost::text, ''), coalesce(c.ended_reason, ''),
                        coalesce(c.summary, ''), coalesce(c.sentiment, ''), coalesce(c.success_evaluation, ''),
                        coalesce(c.structured_data::text, ''), coalesce(c.disposition, ''),
                        e.type, e.details::text, e.normalized::text, coalesce(e.raw::text, ''),
                        t.text, t.turns::text, t.word_count, r.url
                    FROM call c JOIN call_event e ON e.call_id = c.id JOIN call_transcript t ON t.call_id = c.id
                      JOIN call_recording r ON r.call_id = c.id
                    WHERE c.provider = 'vapi' ORDER BY c.created_at DESC LIMIT 1""")) {
                if (!rs.next()) {
                    throw new IllegalStateException("no completed VAPI call with transcript and recording to copy values from");
                }
                callId = rs.getString(1);
                String[] names = {"id", "direction", "status", "from", "to", "agent", "started", "ended", "duration", "cost",
                    "reason", "summary", "sentiment", "success", "structured", "disposition", "type", "details",
                    "normalized", "raw", "transcript", "turns", "words", "url"};
                for (int i = 2; i <= names.length; i++) {
                    v.put(names[i - 1], rs.getString(i));
                }
            }
            int events = 0;
            try (PreparedStatement outbox = db.prepareStatement(
                    "SELECT event_type, cloud_event FROM outbox_event WHERE event_key = ? OR position(? IN cloud_event) > 0 ORDER BY seq")) {
                outbox.setString(1, callId);
                outbox.setString(2, callId);
                try (ResultSet rs = outbox.executeQuery()) {
                    while (rs.next()) {
                        events++;
                        v.put("type" + events, rs.getString(1));
                        v.put("event" + events, rs.getString(2));
                    }
                }
            }
            v.put("events", String.valueOf(events));
        }
        return v;
    }

    /**
     * One report's writes, statement for statement as calls-service issues them ({@code CallModel.applyProviderEvent},
     * then the delivery log entry, in one transaction): the call upserted and returned ({@code RETURNING *}: the row
     * the service maps, locked because it is new), the processed delivery, the timeline entry, transcript and
     * recording, the call's update, all the report's outbox events in one INSERT (as {@code Outbox.publishAll} writes
     * them) and the delivery log row. The reads the service does besides (a connection lookup when its short cache
     * misses) are left out: this is the ceiling of the writes.
     */
    static String script(int events) {
        StringBuilder types = new StringBuilder();
        StringBuilder bodies = new StringBuilder();
        for (int i = 1; i <= events; i++) {
            types.append(i == 1 ? "" : ", ").append(":type").append(i);
            bodies.append(i == 1 ? "" : ", ").append(":event").append(i);
        }
        return """
                \\set k random(1, 1000000000000000)
                SELECT set_config('app.tenant_id', :tenant, false);
                BEGIN;
                INSERT INTO bench_call (id, tenant_id, direction, status, provider, provider_call_id, connection_id, created_at, updated_at)
                  VALUES (gen_random_uuid(), CAST(:tenant AS uuid), :direction, 'queued', 'vapi', CAST(:k AS text), CAST(:connection AS uuid), now(), now())
                  ON CONFLICT (tenant_id, provider, provider_call_id) DO NOTHING RETURNING * \\gset p_
                INSERT INTO bench_processed_delivery (tenant_id, provider, event_identity, call_id, processed_at)
                  VALUES (CAST(:tenant AS uuid), 'vapi', CAST(:k AS text), CAST(:p_id AS uuid), now()) ON CONFLICT DO NOTHING;
                INSERT INTO bench_call_event (id, tenant_id, call_id, event_sequence, type, occurred_at, details, normalized, raw, created_at)
                  VALUES (gen_random_uuid(), CAST(:tenant AS uuid), CAST(:p_id AS uuid), 1, :type, now(), CAST(:details AS jsonb), CAST(:normalized AS jsonb), CAST(NULLIF(:raw, '') AS jsonb), now());
                INSERT INTO bench_call_transcript (call_id, tenant_id, text, turns, word_count, language, confidence, updated_at)
                  VALUES (CAST(:p_id AS uuid), CAST(:tenant AS uuid), :transcript, CAST(:turns AS jsonb), CAST(:words AS integer), NULL, NULL, now());
                INSERT INTO bench_call_recording (call_id, tenant_id, url, expires_at, duration_seconds, updated_at)
                  VALUES (CAST(:p_id AS uuid), CAST(:tenant AS uuid), :url, NULL, NULL, now());
                UPDATE bench_call SET status = :status, direction = :direction, from_number = NULLIF(:from, ''), to_number = NULLIF(:to, ''),
                  provider_agent_id = NULLIF(:agent, ''), started_at = CAST(NULLIF(:started, '') AS timestamptz),
                  ended_at = CAST(NULLIF(:ended, '') AS timestamptz), duration_seconds = CAST(NULLIF(:duration, '') AS integer),
                  cost = CAST(NULLIF(:cost, '') AS numeric), ended_reason = NULLIF(:reason, ''), summary = NULLIF(:summary, ''),
                  sentiment = NULLIF(:sentiment, ''), success_evaluation = NULLIF(:success, ''),
                  structured_data = CAST(NULLIF(:structured, '') AS jsonb), disposition = NULLIF(:disposition, ''),
                  human_answered = true, completed_flag = true, callback = false, dnc = false, voicemail = false, machine = false,
                  last_event_at = now(), updated_at = now()
                  WHERE id = CAST(:p_id AS uuid);
                INSERT INTO bench_outbox_event (id, tenant_id, topic, event_key, event_type, cloud_event, created_at, trace_parent, trace_state)
                  SELECT gen_random_uuid(), CAST(:tenant AS uuid), 'switchboard.calls', :p_id, e.event_type, e.cloud_event, now(), NULL, NULL
                  FROM unnest(ARRAY[%s]::text[], ARRAY[%s]::text[]) WITH ORDINALITY AS e(event_type, cloud_event, n) ORDER BY e.n;
                INSERT INTO bench_webhook_delivery (id, tenant_id, connection_id, provider, event_type, result, detail, call_id, processing_ms, http_status, received_at)
                  VALUES (gen_random_uuid(), CAST(:tenant AS uuid), CAST(:connection AS uuid), 'vapi', :type, 'accepted', NULL, CAST(:p_id AS uuid), 5, 200, now());
                END;
                """.formatted(types, bodies);
    }

    /** Copies (columns, indexes, identity, row-level security) so pgbench's rows never reach the relay or the API. */
    private static void createCopies() throws SQLException {
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_OWNER_USER,
                Infra.DB_OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            dropCopies(sql);
            for (String table : TABLES) {
                sql.execute("CREATE TABLE bench_" + table + " (LIKE " + table + " INCLUDING ALL)");
                if (!table.equals("outbox_event")) {
                    sql.execute("SELECT switchboard_enable_tenant_rls('bench_" + table + "')");
                }
                sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON bench_" + table + " TO " + Infra.DB_USER);
            }
        }
    }

    private static void dropCopies() throws SQLException {
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_OWNER_USER,
                Infra.DB_OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            dropCopies(sql);
        }
    }

    private static void dropCopies(Statement sql) throws SQLException {
        sql.execute("DROP TABLE IF EXISTS " + String.join(", ", TABLES.stream().map(t -> "bench_" + t).toList()));
    }
}
