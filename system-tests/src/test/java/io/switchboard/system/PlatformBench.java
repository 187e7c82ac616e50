package io.switchboard.system;

import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import io.switchboard.system.LoadGenerator.Request;
import io.switchboard.system.LoadGenerator.Result;
import io.switchboard.system.RunningPlatform.SignedUp;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.ServiceProcess;
import io.switchboard.testsupport.TestTokens;

/**
 * Every figure next to a baseline measured in the same run, on the same machine, with the same load
 * generator ({@link LoadGenerator#best()}: wrk when installed), after a warm-up, for {@code bench.seconds}
 * (20 s) each:
 * <ol>
 * <li>reads: {@code GET /api/v1/calls/{id}} through the gateway vs straight to calls-service, under load and
 * on an idle platform (one connection);</li>
 * <li>writes: {@code POST /api/v1/calls} straight to calls-service and through the gateway vs
 * {@link PgBench} running the same SQL in the same database with as many clients;</li>
 * <li>the event pipeline during the gateway writes: how fast analytics-service counts what was written and
 * how far behind it is (p50/p99 of the lag, sampled every 100 ms), vs plain Kafka produce + consume of as
 * many records of the same size;</li>
 * <li>imports: a generated 1,000,000-row CSV through contacts-service vs PostgreSQL COPY of the same contacts, with
 * the service's peak heap ({@link ImportBench}; {@code -Dbench.import.rows} for a smaller file);</li>
 * <li>webhooks: signed VAPI end-of-call reports through the gateway at 16 and 64 connections vs pgbench of the
 * same writes ({@link WebhookBench});</li>
 * <li>dialer: queued calls across 100 tenants dispatched into a stub provider vs pgbench of the claim SQL
 * ({@link DialerBench}; {@code -Dbench.dialer.rows} for the 1,000,000);</li>
 * <li>peak RSS of every service against its {@code -Xmx256m} budget.</li>
 * </ol>
 * Not part of the test suite (the class name does not end in Test); run with {@code ./switchboard bench}.
 * Absolute figures depend on the machine: read the ratios.
 */
class PlatformBench {

    private static final int CONNECTIONS = Integer.getInteger("bench.concurrency", 16);
    private static final Duration MEASURE = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final Duration WARMUP = Duration.ofSeconds(Integer.getInteger("bench.warmup", 20));
    /**
     * The webhook phase warms up longer: at 20 s (about 1,500 reports) C2 was still compiling the report path, 22–45 %
     * of a service's CPU in the measured phases; 90 s put the 64-connection figure from 0.10–0.13× to 0.18–0.21×.
     */
    private static final Duration WEBHOOK_WARMUP = Duration.ofSeconds(Integer.getInteger("bench.webhooks.warmup", 90));
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final String CALL = "{\"toNumber\":\"+14155550123\"}";
    /**
     * {@code -Dbench.phases=writes} runs only the write figures (e.g. under a profiler). The dialer phase is opt-in
     * ({@code -Dbench.phases=dialer}) until it sustains its goal: at today's rate its default run takes too long.
     */
    private static final String PHASES = System.getProperty("bench.phases", "reads,writes,imports,webhooks");
    /**
     * {@code -Dbench.webhooks.consumers=off}: every consumer of {@code switchboard.calls} (gateway, calls-service's
     * own, contacts, campaigns, analytics) reads an unused topic instead, so the webhook figure is the intake alone:
     * the gateway's proxying, the request in calls-service, its outbox relay, Kafka and PostgreSQL. A decomposition of
     * the figure (which is with them on), not a replacement for it.
     */
    static final boolean CALL_CONSUMERS = !"off".equals(System.getProperty("bench.webhooks.consumers", "on"));
    static final String UNUSED_CALLS_TOPIC = "switchboard.calls.unused-by-the-intake-bench";

    @Test
    void throughputAndLatencyAgainstSameRunBaselines() throws Exception {
        // the limiter still runs on every request (its cost is part of the overhead); it just never says no
        // the dialer phase's stub provider answers every dial request as calls-service would (DialerBench): calls-service
        // itself then consumes an unused topic, or it would answer each request a second time (call.failed: the bench
        // tenants have no agents, or dial.expired when it lags), racing the stub's answer
        Map<String, String> callsEnv = new HashMap<>();
        Map<String, String> gatewayEnv = new HashMap<>(Map.of("SWITCHBOARD_RATE_LIMIT_TENANT", "100000000"));
        Map<String, String> consumersEnv = new HashMap<>();
        if (PHASES.contains("dialer")) {
            callsEnv.put("MP_MESSAGING_INCOMING_DIALS_TOPIC", DialerBench.CALLS_SERVICE_DIALS_TOPIC);
        }
        if (!CALL_CONSUMERS) {
            callsEnv.put("MP_MESSAGING_INCOMING_OWN_CALLS_TOPIC", UNUSED_CALLS_TOPIC);
            gatewayEnv.put("MP_MESSAGING_INCOMING_CALLS_TOPIC", UNUSED_CALLS_TOPIC);
            consumersEnv.put("MP_MESSAGING_INCOMING_CALLS_TOPIC", UNUSED_CALLS_TOPIC);
        }
        RunningPlatform platform = RunningPlatform.get(Map.of("gateway", gatewayEnv, "calls-service", callsEnv,
                "contacts-service", consumersEnv, "campaigns-service", consumersEnv, "analytics-service", consumersEnv));
        SignedUp tenant = platform.signUp();
        String callId = given().header("Authorization", tenant.bearer()).contentType("application/json").body(CALL)
                .post(platform.url() + "/api/v1/calls").then().statusCode(201).extract().path("id");
        String internal = "Bearer " + TestTokens.internal(tenant.tenantId(), tenant.userId().toString(), "admin",
                TestTokens.ALL_SCOPES);
        LoadGenerator load = LoadGenerator.best();

        Request gatewayGet = new Request("GET", platform.url() + "/api/v1/calls/" + callId,
                Map.of("Authorization", tenant.bearer()), null);
        Request directGet = new Request("GET", platform.calls.url() + "/api/v1/calls/" + callId,
                Map.of("Authorization", internal), null);
        Request gatewayPost = new Request("POST", platform.url() + "/api/v1/calls",
                Map.of("Authorization", tenant.bearer(), "Content-Type", "application/json"), CALL);
        Request directPost = new Request("POST", platform.calls.url() + "/api/v1/calls",
                Map.of("Authorization", internal, "Content-Type", "application/json"), CALL);

        System.out.printf("%n== Switchboard benchmark: %d cores, %d connections, %s, %d s per figure after %d s warm-up"
                + " (webhooks: %d s) ==%n", Runtime.getRuntime().availableProcessors(), CONNECTIONS, load.name(),
                MEASURE.toSeconds(), WARMUP.toSeconds(), WEBHOOK_WARMUP.toSeconds());
        if (PHASES.contains("reads")) {
            reads(load, gatewayGet, directGet);
        }
        if (PHASES.contains("writes")) {
            writes(platform, tenant, load, gatewayPost, directPost);
        }
        if (PHASES.contains("imports")) {
            ImportBench.run(platform, tenant);
        }
        if (PHASES.contains("webhooks")) {
            WebhookBench.run(platform, tenant, load, WEBHOOK_WARMUP, MEASURE);
        }
        if (PHASES.contains("dialer")) {
            DialerBench.run(platform);
        }
        for (ServiceProcess service : List.of(platform.gateway, platform.calls, platform.contacts, platform.campaigns,
                platform.analytics)) {
            System.out.printf("  peak RSS %-18s %4d MiB (heap budget -Xmx256m)%n", service.module(), service.peakRssMiB());
        }
    }

    private static void reads(LoadGenerator load, Request gatewayGet, Request directGet) {
        load.run(gatewayGet, CONNECTIONS, WARMUP, 200);
        load.run(directGet, CONNECTIONS, WARMUP, 200);
        Result gwGet = load.run(gatewayGet, CONNECTIONS, MEASURE, 200);
        Result dGet = load.run(directGet, CONNECTIONS, MEASURE, 200);
        Result gwIdle = load.run(gatewayGet, 1, IDLE, 200);
        Result dIdle = load.run(directGet, 1, IDLE, 200);
        row("GET call, gateway", gwGet, "GET call, direct", dGet);
        System.out.printf("  idle (1 connection): gateway p50 %.2f ms, direct p50 %.2f ms -> the gateway adds %.2f ms%n",
                gwIdle.p50Ms(), dIdle.p50Ms(), gwIdle.p50Ms() - dIdle.p50Ms());
    }

    private static void writes(RunningPlatform platform, SignedUp tenant, LoadGenerator load, Request gatewayPost,
            Request directPost) throws Exception {
        // writes straight to the service, and the database's own ceiling for the same SQL
        load.run(directPost, CONNECTIONS, WARMUP, 201);
        Result dPost = load.run(directPost, CONNECTIONS, MEASURE, 201);
        double pgTps = pgbench(tenant.tenantId());

        // writes through the gateway while the pipeline is watched
        Pipeline pipeline = new Pipeline(platform, tenant);
        pipeline.awaitCaughtUp(Duration.ofMinutes(5)); // the direct writes above are counted first
        load.run(gatewayPost, CONNECTIONS, WARMUP, 201);
        pipeline.awaitCaughtUp(Duration.ofMinutes(5));
        pipeline.start();
        Result gwPost = load.run(gatewayPost, CONNECTIONS, MEASURE, 201);
        pipeline.awaitCaughtUp(Duration.ofMinutes(5));
        Pipeline.Figures events = pipeline.stop();
        double kafkaRate = rawKafkaRecordsPerSecond((int) Math.min(200_000, Math.max(1000, events.events())), 900);

        System.out.printf("%-34s %8.0f tx/s   (baseline: the same INSERTs, %d clients)%n", "pgbench call-create SQL", pgTps,
                CONNECTIONS);
        ratio("POST call, direct", dPost, pgTps);
        ratio("POST call, gateway", gwPost, pgTps);
        System.out.printf("%-34s %8.0f ev/s   p50 lag %.0f ms, p99 lag %.0f ms; %.2f x the write rate; %d events%n",
                "created -> counted by analytics", events.rate(), events.p50LagMs(), events.p99LagMs(),
                events.rate() / gwPost.rps(), events.events());
        System.out.printf("%-34s %8.0f rec/s  (baseline) -> pipeline %.3f x raw Kafka%n", "raw Kafka produce+consume",
                kafkaRate, events.rate() / kafkaRate);
    }

    private static void row(String what, Result r, String baselineWhat, Result baseline) {
        System.out.printf("%-34s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms%n", what, r.rps(), r.p50Ms(), r.p99Ms());
        System.out.printf("%-34s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  (baseline)%n", baselineWhat, baseline.rps(),
                baseline.p50Ms(), baseline.p99Ms());
        System.out.printf("  -> %.2f x of the baseline%n", r.rps() / baseline.rps());
    }

    private static void ratio(String what, Result r, double baselineTps) {
        System.out.printf("%-34s %8.0f req/s  p50 %6.2f ms  p99 %7.2f ms  -> %.3f x pgbench%n", what, r.rps(), r.p50Ms(),
                r.p99Ms(), r.rps() / baselineTps);
    }

    /**
     * pgbench on copies of the two tables (same columns, indexes, identity and row-level security), so its rows
     * never reach the relay or the analytics counts the pipeline figure reads.
     */
    private static double pgbench(UUID tenant) throws SQLException {
        if (!PgBench.available()) {
            System.out.println("pgbench not on the PATH (Debian: postgresql-client): no database baseline");
            return Double.NaN;
        }
        String event;
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_OWNER_USER,
                Infra.DB_OWNER_PASSWORD); Statement sql = owner.createStatement()) {
            sql.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
            try (ResultSet rs = sql.executeQuery("SELECT cloud_event FROM outbox_event ORDER BY seq DESC LIMIT 1")) {
                rs.next();
                event = rs.getString(1);
            }
            sql.execute("DROP TABLE IF EXISTS bench_call, bench_outbox_event");
            sql.execute("CREATE TABLE bench_call (LIKE call INCLUDING ALL)");
            sql.execute("CREATE TABLE bench_outbox_event (LIKE outbox_event INCLUDING ALL)");
            sql.execute("SELECT switchboard_enable_tenant_rls('bench_call')");
            sql.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON bench_call, bench_outbox_event TO " + Infra.DB_USER);
        }
        try {
            return PgBench.callCreateTps(tenant, event, CONNECTIONS, MEASURE, "bench_call", "bench_outbox_event");
        } finally {
            try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_OWNER_USER,
                    Infra.DB_OWNER_PASSWORD); Statement sql = owner.createStatement()) {
                sql.execute("DROP TABLE IF EXISTS bench_call, bench_outbox_event");
            }
        }
    }

    /**
     * Samples, every 100 ms, how many calls of the tenant are written (calls database) and how many
     * analytics-service has counted (its API); the lag of a count level is the time between the first sample
     * that wrote it and the first that counted it.
     */
    private static final class Pipeline {

        record Figures(long events, double rate, double p50LagMs, double p99LagMs) {
        }

        private final RunningPlatform platform;
        private final SignedUp tenant;
        private final List<long[]> samples = new ArrayList<>(); // {nanos, written, counted}
        private volatile boolean running;
        private Thread sampler;
        private long startNanos;
        private long startWritten;

        Pipeline(RunningPlatform platform, SignedUp tenant) {
            this.platform = platform;
            this.tenant = tenant;
        }

        void awaitCaughtUp(Duration timeout) throws Exception {
            long deadline = System.nanoTime() + timeout.toNanos();
            try (Connection db = connect()) {
                while (counted() < written(db)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("analytics did not catch up within " + timeout);
                    }
                    Thread.sleep(100);
                }
            }
        }

        void start() throws Exception {
            try (Connection db = connect()) {
                startWritten = written(db);
            }
            startNanos = System.nanoTime();
            running = true;
            sampler = new Thread(() -> {
                try (Connection db = connect()) {
                    while (running) {
                        long written = written(db);
                        long counted = counted();
                        synchronized (samples) {
                            samples.add(new long[] { System.nanoTime(), written - startWritten, counted - startWritten });
                        }
                        Thread.sleep(100);
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "bench-pipeline-sampler");
            sampler.start();
        }

        Figures stop() throws Exception {
            Thread.sleep(200); // one more sample after the catch-up
            running = false;
            sampler.join();
            long[][] s;
            synchronized (samples) {
                s = samples.toArray(long[][]::new);
            }
            long events = s[s.length - 1][1];
            long caughtUp = s[s.length - 1][0];
            for (long[] sample : s) {
                if (sample[2] >= events) {
                    caughtUp = sample[0];
                    break;
                }
            }
            double rate = events / ((caughtUp - startNanos) / 1e9);
            List<Double> lags = new ArrayList<>();
            for (long[] countedSample : s) {
                for (long[] writtenSample : s) {
                    if (writtenSample[1] >= countedSample[2]) {
                        // both counts are sampled 100 ms apart at best: a level can look counted "before" written
                        lags.add(Math.max(0, (countedSample[0] - writtenSample[0]) / 1e6));
                        break;
                    }
                }
            }
            double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return new Figures(events, rate, percentile(sorted, 50), percentile(sorted, 99));
        }

        private static double percentile(double[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, sorted.length * p / 100)];
        }

        private Connection connect() throws SQLException {
            Connection db = DriverManager.getConnection(Infra.jdbcUrl("calls"), Infra.DB_USER, Infra.DB_PASSWORD);
            try (PreparedStatement tenantSetting = db.prepareStatement("SELECT set_config('app.tenant_id', ?, false)")) {
                tenantSetting.setString(1, tenant.tenantId().toString());
                tenantSetting.execute();
            }
            return db;
        }

        private static long written(Connection db) throws SQLException {
            try (Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery("SELECT count(*) FROM call")) {
                rs.next();
                return rs.getLong(1);
            }
        }

        private long counted() {
            return ((Number) given().baseUri(platform.url()).header("Authorization", tenant.bearer())
                    .get("/api/v1/analytics/tenant/summary").then().statusCode(200).extract().path("callsCreated"))
                    .longValue();
        }
    }

    /** Records of about a call.created event's size, produced (acks=all) and consumed back with plain clients. */
    private static double rawKafkaRecordsPerSecond(int records, int bytes) throws Exception {
        String topic = "bench.baseline." + UUID.randomUUID();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.KAFKA_BOOTSTRAP);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.KAFKA_BOOTSTRAP);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        byte[] value = new byte[bytes];
        Arrays.fill(value, (byte) 'x');
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new ByteArraySerializer());
                KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                        new ByteArrayDeserializer())) {
            producer.send(new ProducerRecord<>(topic, "warm", value)).get(); // create the topic outside the timing
            consumer.subscribe(List.of(topic));
            int seen = 0;
            while (seen < 1) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
            }
            producer.flush();
            seen = 0;
            while (seen < records) {
                seen += consumer.poll(Duration.ofMillis(200)).count();
            }
            return records / ((System.nanoTime() - start) / 1e9);
        }
    }
}
