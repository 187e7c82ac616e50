package io.switchboard.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.switchboard.events.EventCatalog;
import io.switchboard.events.EventCodec;
import io.switchboard.events.EventEnvelope;
import io.switchboard.events.EventPayload;
import io.switchboard.events.EventType;
import io.switchboard.events.call.CallCompletedV1;
import io.switchboard.events.call.CallInitiatedV1;
import io.switchboard.events.credits.CreditBalanceChangedV1;
import io.switchboard.events.dial.DialRequestedV1;
import io.switchboard.events.dnc.DncNumberAddedV1;
import io.switchboard.testsupport.Infra;

/**
 * The dialer figure of {@code ./switchboard bench} (phase {@code dialer}): {@code bench.dialer.rows} queue rows
 * (default 100,000; the 1,000,000 with {@code -Dbench.dialer.rows=1000000}) across {@code bench.dialer.tenants}
 * (100) tenants, two campaigns each (priorities 7 and 3, cap 30), a tenant limit of 50, dialed by the running
 * campaigns-service's dispatcher into a <b>stub provider</b>: a Kafka consumer of {@code dial.requested} that answers at
 * once with {@code call.initiated} and {@code call.completed} (what calls-service with an instantly answering provider
 * would send), so slots free as fast as the pipeline allows. 4 % of the rows ring in a zone whose window is closed and
 * 1 % are numbers on the tenant's internal DNC list: none of them may be dialed.
 * <p>
 * Reported: sustained dispatches/s (the middle 90 % of the drain) next to a same-run baseline, pgbench running the
 * claim SQL (lock 50 due rows {@code FOR UPDATE SKIP LOCKED}, mark them processing, write 50 outbox rows) on a copy of
 * the queue; due-to-request latency p50/p99 of rows that fall due while the dialer keeps up; and the
 * counts that must be 0: double dials, dials outside the window, dials to DNC numbers, dials over a cap.
 * The latency rows are added once the drain's slots are back and the platform is idle again (its consumers have worked
 * off the drain's events), falling due for 20 s at {@code bench.dialer.latency.load}
 * (0.5) of the sustained rate just measured: a rate the dialer can keep up with, so the figure is the dialer's reaction
 * time and not the length of a backlog.
 */
final class DialerBench {

    /** calls-service consumes this (empty) topic instead of switchboard.dials while the dialer phase runs: the stub answers. */
    static final String CALLS_SERVICE_DIALS_TOPIC = "switchboard.dials.unused-by-the-dialer-bench";
    private static final int ROWS = Integer.getInteger("bench.dialer.rows", 100_000);
    private static final int TENANTS = Integer.getInteger("bench.dialer.tenants", 100);
    private static final int TENANT_LIMIT = 50;
    private static final int CAMPAIGN_CAP = 30;
    private static final LocalTime WINDOW_START = LocalTime.of(8, 0);
    private static final LocalTime WINDOW_END = LocalTime.of(20, 0);
    /** The latency rows fall due at this share of the measured sustained rate, for LATENCY_SECONDS. */
    private static final double LATENCY_LOAD = Double.parseDouble(System.getProperty("bench.dialer.latency.load", "0.5"));
    private static final int LATENCY_SECONDS = 20;
    /** Rows dialed before the measured drain, falling due over LATENCY_SECONDS: the JIT's warm-up, not measured. */
    private static final int WARMUP_ROWS = Integer.getInteger("bench.dialer.warmup.rows", 2_000);
    /** How far ahead the measured rows are seeded, so that they wait for the warm-up. */
    private static final int NOT_YET_DAYS = 2;

    /** What the stub provider saw: first receive per dial request, and every request's queue item. */
    private static final class Stub implements AutoCloseable {
        final Map<String, Long> firstSeenNanos = new ConcurrentHashMap<>();
        final Map<String, Instant> firstSeenAt = new ConcurrentHashMap<>();
        final Map<String, Set<String>> requestsPerItem = new ConcurrentHashMap<>();
        /** The dial requests the stub placed a call for, per queue item: more than one is a double dial. */
        final Map<String, Set<String>> callsPerItem = new ConcurrentHashMap<>();
        final Set<String> numbersDialed = ConcurrentHashMap.newKeySet();
        final AtomicLong afterNotAfter = new AtomicLong();
        final AtomicBoolean running = new AtomicBoolean(true);
        final KafkaProducer<String, byte[]> producer;
        final Thread thread;

        Stub() throws InterruptedException {
            Properties pp = new Properties();
            pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.KAFKA_BOOTSTRAP);
            pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
            AtomicBoolean assigned = new AtomicBoolean();
            thread = new Thread(() -> loop(assigned), "dialer-bench-stub");
            thread.start();
            while (!assigned.get()) {
                Thread.sleep(100);
            }
        }

        private void loop(AtomicBoolean assigned) {
            Properties cp = new Properties();
            cp.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.KAFKA_BOOTSTRAP);
            cp.put(ConsumerConfig.GROUP_ID_CONFIG, "dialer-bench-stub-" + UUID.randomUUID());
            cp.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            cp.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(cp, new StringDeserializer(),
                    new ByteArrayDeserializer())) {
                consumer.subscribe(List.of("switchboard.dials"));
                while (running.get()) {
                    var records = consumer.poll(Duration.ofMillis(100));
                    if (!consumer.assignment().isEmpty()) {
                        assigned.set(true);
                    }
                    for (ConsumerRecord<String, byte[]> record : records) {
                        try {
                            EventEnvelope<?> event = EventCodec.deserialize(record.value());
                            if (event.data() instanceof DialRequestedV1 request) {
                                answer(event.tenantId(), request);
                            }
                        } catch (RuntimeException e) {
                            // another event type on the topic (queue.item_skipped, dial.expired): not the stub's
                        }
                    }
                }
            }
        }

        private void answer(UUID tenant, DialRequestedV1 r) {
            long nanos = System.nanoTime();
            Instant now = Instant.now();
            requestsPerItem.computeIfAbsent(r.queueItemId(), k -> ConcurrentHashMap.newKeySet()).add(r.dialRequestId());
            if (firstSeenNanos.putIfAbsent(r.dialRequestId(), nanos) != null) {
                return; // a re-published request: one call per dial request id, as calls-service dedupes
            }
            firstSeenAt.put(r.dialRequestId(), now);
            if (now.isAfter(r.notAfter())) {
                afterNotAfter.incrementAndGet(); // calls-service would answer dial.expired; counted, not dialed
                return;
            }
            numbersDialed.add(r.toNumber());
            callsPerItem.computeIfAbsent(r.queueItemId(), k -> ConcurrentHashMap.newKeySet()).add(r.dialRequestId());
            String callId = UUID.randomUUID().toString();
            send(tenant, callId, EventCatalog.CALL_INITIATED, new CallInitiatedV1(callId, "bench", "p-" + callId, null,
                    "outbound", "queued", null, r.toNumber(), null, r.campaignId(), null, now, r.dialRequestId()));
            send(tenant, callId, EventCatalog.CALL_COMPLETED, new CallCompletedV1(callId, "no_answer", null, 0,
                    r.agentId(), r.campaignId(), null, now, r.toNumber()));
        }

        private <T extends EventPayload> void send(UUID tenant, String key, EventType<T> type, T payload) {
            producer.send(new ProducerRecord<>(type.topic(), key,
                    EventCodec.serialize(EventCodec.newEvent(type, "/switchboard/bench-stub", tenant, payload))));
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
            producer.close(Duration.ofSeconds(5));
        }
    }

    private DialerBench() {
    }

    static void run(RunningPlatform platform) throws Exception {
        CpuMeter cpu = new CpuMeter(List.of(platform.gateway, platform.calls, platform.contacts, platform.campaigns,
                platform.analytics));
        String open = zoneAt(11, 16);
        String closed = zoneAt(1, 5);
        System.out.printf("%n-- dialer: %,d rows, %d tenants (limit %d, 2 campaigns capped at %d), open zone %s, closed zone %s --%n",
                ROWS, TENANTS, TENANT_LIMIT, CAMPAIGN_CAP, open, closed);
        List<UUID> tenants = new ArrayList<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants.add(UUID.randomUUID());
        }
        int perTenant = ROWS / TENANTS;
        Set<String> dncNumbers = new HashSet<>();
        try (KafkaProducer<String, byte[]> producer = producer(); Stub stub = new Stub()) {
            // credits and the DNC list first, through the events the replicas are fed by
            for (UUID tenant : tenants) {
                publish(producer, tenant, tenant.toString(), EventCatalog.CREDITS_BALANCE_CHANGED,
                        new CreditBalanceChangedV1(tenant.toString(), 1_000_000_000L, 1_000_000_000L, "adjustment", null, Instant.now()));
                for (int n = 0; n < perTenant / 100; n++) {
                    String phone = dncPhone(tenants.indexOf(tenant), n);
                    dncNumbers.add(phone);
                    publish(producer, tenant, phone, EventCatalog.DNC_NUMBER_ADDED,
                            new DncNumberAddedV1(UUID.randomUUID().toString(), true, phone, "bench", "api", Instant.now()));
                }
            }
            producer.flush();
            awaitReplicas(tenants, dncNumbers.size());

            long seedNanos = System.nanoTime();
            // the measured rows are not due yet: a warm-up drain runs first (five JVMs compiling their hot paths took
            // a quarter to a third of each service's CPU when the measured drain started cold)
            List<UUID[]> campaigns = seed(tenants, perTenant, open, closed);
            System.out.printf("  seeded %,d rows in %.1f s%n", ROWS, (System.nanoTime() - seedNanos) / 1e9);
            if (WARMUP_ROWS > 0) {
                Map<String, Instant> warmup = seedRowsFallingDue(tenants, campaigns, open, WARMUP_ROWS, 6_000_000_000L);
                long warmupDeadline = System.nanoTime() + Duration.ofSeconds(LATENCY_SECONDS + 180).toNanos();
                while ((!stub.requestsPerItem.keySet().containsAll(warmup.keySet()) || slotsHeld(tenants) > 0)
                        && System.nanoTime() < warmupDeadline) {
                    Thread.sleep(500);
                }
                System.out.printf("  warm-up: %,d rows dialed and their slots back in %.0f s%n", warmup.size(),
                        (System.nanoTime() - seedNanos) / 1e9);
            }
            int warmupSeen = stub.firstSeenNanos.size();
            long startNanos = System.nanoTime();
            makeDue(tenants);
            int dialable = perTenant * TENANTS * 95 / 100;
            Map<String, Double> cpuAtStart = cpu.read();
            long deadline = System.nanoTime() + Duration.ofSeconds(120 + ROWS / 200).toNanos();
            int maxOverTenant = 0;
            while (stub.firstSeenNanos.size() - warmupSeen < dialable && System.nanoTime() < deadline) {
                Thread.sleep(500);
                maxOverTenant = Math.max(maxOverTenant, overLimitNow(tenants));
            }
            double drainSeconds = (System.nanoTime() - startNanos) / 1e9;
            Map<String, Double> cpuPerDispatch = CpuMeter.perUnit(cpuAtStart, cpu.read(),
                    stub.firstSeenNanos.size() - warmupSeen);
            List<Long> seen = new ArrayList<>(stub.firstSeenNanos.values().stream().filter(t -> t >= startNanos).toList());
            Collections.sort(seen);
            int n = seen.size();
            double sustainedRate = n < 20 ? Double.NaN
                    : (int) (n * 0.95) - (int) (n * 0.05) == 0 ? Double.NaN
                    : ((int) (n * 0.95) - (int) (n * 0.05)) / ((seen.get((int) (n * 0.95)) - seen.get((int) (n * 0.05))) / 1e9);

            // latency: rows falling due while the dialer keeps up. Measured at a rate below the sustained one, once
            // the drain's slots are given back: at or above capacity it would only measure the backlog's length.
            long slotsDeadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
            int held;
            while ((held = slotsHeld(tenants)) > 0 && System.nanoTime() < slotsDeadline) {
                Thread.sleep(500);
            }
            boolean quiet = awaitQuiet(cpu, Duration.ofSeconds(120));
            double latencyRate = Double.isNaN(sustainedRate) ? 5 : Math.max(5, Math.round(sustainedRate * LATENCY_LOAD));
            int latencyRows = (int) Math.round(latencyRate * LATENCY_SECONDS);
            Map<String, Instant> dueAt = seedRowsFallingDue(tenants, campaigns, open, latencyRows, 5_000_000_000L);
            long latencyDeadline = System.nanoTime() + Duration.ofSeconds(LATENCY_SECONDS + 90).toNanos();
            while (!stub.requestsPerItem.keySet().containsAll(dueAt.keySet()) && System.nanoTime() < latencyDeadline) {
                Thread.sleep(500);
            }
            List<Long> latencies = new ArrayList<>();
            // where it goes: due -> the claim's turn started (the decision record's time), and that -> the stub got it
            List<Long> toClaim = new ArrayList<>();
            List<Long> toStub = new ArrayList<>();
            Map<String, Instant> claimedAt = claimTimes(tenants, dueAt.keySet());
            for (Map.Entry<String, Instant> due : dueAt.entrySet()) {
                Instant first = stub.firstSeenAt.get(due.getKey() + ":1");
                if (first != null) {
                    latencies.add(Duration.between(due.getValue(), first).toMillis());
                    Instant claimed = claimedAt.get(due.getKey());
                    if (claimed != null) {
                        toClaim.add(Duration.between(due.getValue(), claimed).toMillis());
                        toStub.add(Duration.between(claimed, first).toMillis());
                    }
                }
            }
            Collections.sort(latencies);
            Collections.sort(toClaim);
            Collections.sort(toStub);

            // every bench row has max_retries 0: a second call for one queue item is a double dial (a request that
            // reached the stub after its notAfter was not dialed, and its row may be requested again)
            long doubleDials = stub.callsPerItem.values().stream().filter(s -> s.size() > 1).count();
            long toDnc = stub.numbersDialed.stream().filter(dncNumbers::contains).count();
            long[] audit = audit(tenants);
            // the figures first: a failing baseline must not lose them
            System.out.printf("  dispatched %,d of %,d dialable in %.0f s; sustained %,.0f dispatches/s (goal >= 1,000/s)%n",
                    n, dialable, drainSeconds, sustainedRate);
            System.out.println("  during the drain: " + CpuMeter.describe(cpuPerDispatch, "dispatch")
                    + " (the load generator includes the stub provider)");
            System.out.printf("  due-to-request latency (%,d of %,d rows due at %.0f/s, %.0f %% of the sustained rate, after the "
                    + "drain's slots were back and the platform idle%s): p50 %d ms, p99 %d ms (goal p99 < 1 s)%n",
                    latencies.size(), dueAt.size(), latencyRate, LATENCY_LOAD * 100,
                    (held > 0 ? " - " + held + " slots still held after 180 s" : "") + (quiet ? "" : " - not idle after 120 s"),
                    pct(latencies, 0.50), pct(latencies, 0.99));
            System.out.printf("    of which due -> claimed (the dispatch turn's start): p50 %d ms, p99 %d ms; claimed -> request at "
                    + "the stub (turn, commit, outbox relay, Kafka): p50 %d ms, p99 %d ms%n", pct(toClaim, 0.50),
                    pct(toClaim, 0.99), pct(toStub, 0.50), pct(toStub, 0.99));
            System.out.printf("  must be 0: double dials %d, dials outside the window %d, dials to DNC numbers %d (decision "
                    + "records: %d), dials over a cap %d (sampled slots over the tenant limit: %d), requests reaching the "
                    + "stub after notAfter %d%n", doubleDials, audit[0], toDnc, audit[1], audit[2], maxOverTenant,
                    stub.afterNotAfter.get());
            double baseline = baseline(tenants.get(0));
            System.out.printf("  baseline: pgbench claim SQL (50 rows/transaction, 8 clients) %,.0f rows/s -> dispatcher at %.2f x of it%n",
                    baseline, sustainedRate / baseline);
        }
    }

    /** Two campaigns per tenant; 95 % of the rows in the open zone, 4 % in the closed one, 1 % DNC numbers. */
    private static List<UUID[]> seed(List<UUID> tenants, int perTenant, String open, String closed) throws SQLException {
        List<UUID[]> out = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD)) {
            for (int t = 0; t < tenants.size(); t++) {
                UUID tenant = tenants.get(t);
                UUID high = UUID.randomUUID();
                UUID low = UUID.randomUUID();
                out.add(new UUID[] { high, low });
                db.setAutoCommit(false);
                try (Statement s = db.createStatement()) {
                    s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                    s.execute("INSERT INTO dialer_setting VALUES ('" + tenant + "', " + TENANT_LIMIT + ", now())");
                    for (UUID[] c : List.of(new UUID[] { high, null }, new UUID[] { low, null })) {
                        int priority = c[0] == high ? 7 : 3;
                        s.execute("""
                                INSERT INTO campaign (id, tenant_id, name, status, calling_window_start, calling_window_end,
                                    max_retries, allowed_weekdays, priority, max_concurrent_calls, created_at, updated_at)
                                VALUES ('%s', '%s', 'bench-%s', 'active', '%s', '%s', 0, '[1,2,3,4,5,6,7]', %d, %d, now(), now())"""
                                .formatted(c[0], tenant, c[0], WINDOW_START, WINDOW_END, priority, CAMPAIGN_CAP));
                    }
                    // n % 100 == 0: a DNC number; n % 100 in 1..4: the closed zone; else the open zone
                    s.execute("""
                            INSERT INTO call_queue (id, tenant_id, campaign_id, call_type, agent_id, phone, time_zones,
                                scheduled_for, created_at, updated_at)
                            SELECT gen_random_uuid(), '%1$s', CASE WHEN n %% 2 = 0 THEN '%2$s'::uuid ELSE '%3$s'::uuid END,
                                'campaign', '%1$s',
                                CASE WHEN n %% 100 = 0 THEN '+1' || (2000000000 + %4$d * 100000 + n / 100)::text
                                     ELSE '+1' || (3000000000 + %4$d * 1000000 + n)::text END,
                                CASE WHEN n %% 100 BETWEEN 1 AND 4 THEN jsonb_build_array('%6$s') ELSE jsonb_build_array('%5$s') END,
                                now() + interval '%8$d days', now(), now()
                            FROM generate_series(0, %7$d - 1) n"""
                            .formatted(tenant, high, low, t, open, closed, perTenant, NOT_YET_DAYS));
                }
                db.commit();
            }
        }
        return out;
    }

    private static String dncPhone(int tenantIndex, int n) {
        return "+1" + (2000000000L + tenantIndex * 100000L + n);
    }

    /** {@code rows} rows spread evenly over LATENCY_SECONDS and across the tenants, the first due 2 s from now. */
    private static Map<String, Instant> seedRowsFallingDue(List<UUID> tenants, List<UUID[]> campaigns, String zone, int rows,
            long phoneBase) throws SQLException {
        Map<String, Instant> due = new ConcurrentHashMap<>();
        Instant base = Instant.now().plusSeconds(2);
        int perTenant = Math.max(1, rows / tenants.size());
        double spacingMillis = LATENCY_SECONDS * 1000.0 / (perTenant * tenants.size());
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD)) {
            db.setAutoCommit(false);
            for (int t = 0; t < tenants.size(); t++) {
                try (Statement s = db.createStatement()) {
                    s.execute("SELECT set_config('app.tenant_id', '" + tenants.get(t) + "', false)");
                }
                try (PreparedStatement insert = db.prepareStatement("""
                        INSERT INTO call_queue (id, tenant_id, campaign_id, call_type, agent_id, phone, time_zones,
                            scheduled_for, created_at, updated_at)
                        VALUES (?, ?, ?, 'campaign', ?, ?, jsonb_build_array(?::text), ?, now(), now())""")) {
                    for (int i = 0; i < perTenant; i++) {
                        UUID id = UUID.randomUUID();
                        Instant at = base.plusMillis((long) ((i * tenants.size() + t) * spacingMillis));
                        insert.setObject(1, id);
                        insert.setObject(2, tenants.get(t));
                        insert.setObject(3, campaigns.get(t)[i % 2]);
                        insert.setObject(4, tenants.get(t));
                        insert.setString(5, "+1" + (phoneBase + t * 100000L + i));
                        insert.setString(6, zone);
                        insert.setObject(7, java.sql.Timestamp.from(at));
                        insert.addBatch();
                        due.put(id.toString(), at);
                    }
                    insert.executeBatch();
                }
                db.commit();
            }
        }
        return due;
    }

    /** [dials outside the window, dials to numbers the replica blocks, dials at or over a cap], from the decision records. */
    private static long[] audit(List<UUID> tenants) throws SQLException {
        long[] out = new long[3];
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD)) {
            for (UUID tenant : tenants) {
                db.setAutoCommit(false);
                try (Statement s = db.createStatement()) {
                    s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                    out[0] += one(s, """
                            SELECT count(*) FROM dial_decision d, jsonb_array_elements_text(d.detail -> 'zones') z
                            WHERE d.outcome = 'dialed' AND NOT ((d.decided_at AT TIME ZONE z)::time >= '%s'
                                AND (d.decided_at AT TIME ZONE z)::time < '%s')""".formatted(WINDOW_START, WINDOW_END));
                    out[1] += one(s, """
                            SELECT count(*) FROM dial_decision d JOIN blocked_number b
                              ON b.tenant_id = d.tenant_id AND b.phone = d.phone WHERE d.outcome = 'dialed'""");
                    out[2] += one(s, """
                            SELECT count(*) FROM dial_decision WHERE outcome = 'dialed' AND (
                              (detail -> 'concurrency' ->> 'tenantActive')::int >= (detail -> 'concurrency' ->> 'tenantLimit')::int
                              OR (detail -> 'concurrency' ->> 'campaignActive')::int >= (detail -> 'concurrency' ->> 'campaignCap')::int)""");
                }
                db.commit();
            }
        }
        return out;
    }

    /** The measured rows (seeded {@link #NOT_YET_DAYS} ahead) fall due now, all at once. */
    private static void makeDue(List<UUID> tenants) throws SQLException {
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD)) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (UUID tenant : tenants) {
                    s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', true)");
                    s.execute("UPDATE call_queue SET scheduled_for = now() - interval '1 minute' WHERE status = 'pending'"
                            + " AND scheduled_for > now() + interval '1 day'");
                }
            }
            db.commit();
        }
    }

    /**
     * Waits until the platform (services, PostgreSQL, Kafka) uses less than a quarter of a core over 2 s: the consumers
     * have worked off the drain's events. True when it got there within {@code max}.
     */
    private static boolean awaitQuiet(CpuMeter cpu, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (System.nanoTime() < deadline) {
            Map<String, Double> before = cpu.read();
            Thread.sleep(2000);
            // CPU milliseconds per second of the 2 s, per part: thousandths of a core
            Map<String, Double> msPerSecond = CpuMeter.perUnit(before, cpu.read(), 2);
            msPerSecond.remove("load generator");
            if (CpuMeter.total(msPerSecond) < 250) {
                return true;
            }
        }
        return false;
    }

    /** When each of these queue items was claimed for its first dial (its decision record's time). */
    private static Map<String, Instant> claimTimes(List<UUID> tenants, java.util.Collection<String> items) throws SQLException {
        Map<String, Instant> out = new java.util.HashMap<>();
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD);
                Statement s = db.createStatement();
                PreparedStatement q = db.prepareStatement("""
                        SELECT queue_item_id::text, decided_at FROM dial_decision WHERE outcome = 'dialed' AND attempt = 1
                          AND queue_item_id = ANY(?::uuid[])""")) {
            q.setArray(1, db.createArrayOf("text", items.toArray(String[]::new)));
            for (UUID tenant : tenants) {
                s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        out.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                    }
                }
            }
        }
        return out;
    }

    /** Live slots of all the bench tenants right now. */
    private static int slotsHeld(List<UUID> tenants) throws SQLException {
        return slotsPerTenant(tenants).stream().mapToInt(Integer::intValue).sum();
    }

    /** Tenants whose live slots exceed the limit right now (sampled during the drain, the first ten tenants). */
    private static int overLimitNow(List<UUID> tenants) throws SQLException {
        return (int) slotsPerTenant(tenants.subList(0, Math.min(10, tenants.size()))).stream()
                .filter(held -> held > TENANT_LIMIT).count();
    }

    /** Each tenant's live slots, in the tenants' order. */
    private static List<Integer> slotsPerTenant(List<UUID> tenants) throws SQLException {
        List<Integer> held = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD);
                Statement s = db.createStatement()) {
            for (UUID tenant : tenants) {
                s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                held.add((int) one(s, "SELECT count(*) FROM active_call"));
            }
        }
        return held;
    }

    /** pgbench: the claim SQL on a copy of call_queue holding 200,000 due rows, rows claimed per second. */
    private static double baseline(UUID tenant) throws SQLException {
        if (!PgBench.available()) {
            System.out.println("  pgbench not on the PATH (Debian: postgresql-client): no database baseline");
            return Double.NaN;
        }
        try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_OWNER_USER,
                Infra.DB_OWNER_PASSWORD); Statement s = owner.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_queue, bench_outbox");
            s.execute("CREATE TABLE bench_queue (LIKE call_queue INCLUDING DEFAULTS INCLUDING INDEXES)");
            s.execute("CREATE TABLE bench_outbox (LIKE outbox_event INCLUDING DEFAULTS INCLUDING IDENTITY)");
            s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON bench_queue, bench_outbox TO " + Infra.DB_USER);
            s.execute("""
                    INSERT INTO bench_queue (id, tenant_id, campaign_id, call_type, agent_id, phone, time_zones, scheduled_for,
                        created_at, updated_at)
                    SELECT gen_random_uuid(), '%s', NULL, 'direct', gen_random_uuid(), '+1' || (4000000000 + n)::text,
                        '["UTC"]', now() - interval '1 minute', now(), now() FROM generate_series(1, 200000) n""".formatted(tenant));
            s.execute("ANALYZE bench_queue");
        }
        String script = """
                SELECT set_config('app.tenant_id', :tenant, false);
                BEGIN;
                WITH c AS (SELECT id FROM bench_queue WHERE tenant_id = CAST(:tenant AS uuid) AND status = 'pending'
                             AND scheduled_for <= now() ORDER BY priority DESC, scheduled_for LIMIT 50 FOR UPDATE SKIP LOCKED),
                     u AS (UPDATE bench_queue q SET status = 'processing', attempts = q.attempts + 1, lease_owner = 'pgbench',
                             lease_expires_at = now() + interval '60 seconds', dial_request_id = q.id || ':' || (q.attempts + 1),
                             updated_at = now() FROM c WHERE q.id = c.id RETURNING q.id, q.dial_request_id)
                INSERT INTO bench_outbox (id, tenant_id, topic, event_key, event_type, cloud_event, created_at)
                  SELECT gen_random_uuid(), CAST(:tenant AS uuid), 'switchboard.dials', u.id::text,
                         'io.switchboard.dial.requested.v1', repeat('x', 700), now() FROM u;
                END;
                """;
        try {
            return PgBench.tps(script, Map.of("tenant", tenant.toString()), 8, Duration.ofSeconds(15), "campaigns") * 50;
        } finally {
            try (Connection owner = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_OWNER_USER,
                    Infra.DB_OWNER_PASSWORD); Statement s = owner.createStatement()) {
                s.execute("DROP TABLE IF EXISTS bench_queue, bench_outbox");
            }
        }
    }

    private static void awaitReplicas(List<UUID> tenants, int dncCount) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            long balances = 0;
            long blocked = 0;
            try (Connection db = DriverManager.getConnection(Infra.jdbcUrl("campaigns"), Infra.DB_USER, Infra.DB_PASSWORD);
                    Statement s = db.createStatement()) {
                for (UUID tenant : tenants) {
                    s.execute("SELECT set_config('app.tenant_id', '" + tenant + "', false)");
                    balances += one(s, "SELECT count(*) FROM credit_balance");
                    blocked += one(s, "SELECT count(*) FROM blocked_number");
                }
            }
            if (balances == tenants.size() && blocked == dncCount) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("campaigns-service did not apply the credits and DNC events within 120 s");
    }

    private static long one(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static <T extends EventPayload> void publish(KafkaProducer<String, byte[]> producer, UUID tenant, String key,
            EventType<T> type, T payload) {
        producer.send(new ProducerRecord<>(type.topic(), key,
                EventCodec.serialize(EventCodec.newEvent(type, "/switchboard/bench", tenant, payload))));
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties pp = new Properties();
        pp.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infra.KAFKA_BOOTSTRAP);
        pp.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        return new KafkaProducer<>(pp, new StringSerializer(), new ByteArraySerializer());
    }

    /** A region zone whose local time is between the hours now (and 30 minutes from now). */
    private static String zoneAt(int fromHour, int toHour) {
        Instant now = Instant.now();
        for (String id : List.of("Pacific/Honolulu", "America/Anchorage", "America/Los_Angeles", "America/Denver",
                "America/Chicago", "America/New_York", "America/Halifax", "America/Sao_Paulo", "America/Noronha",
                "Atlantic/Cape_Verde", "UTC", "Africa/Lagos", "Africa/Cairo", "Europe/Moscow", "Asia/Dubai", "Asia/Karachi",
                "Asia/Dhaka", "Asia/Bangkok", "Asia/Shanghai", "Asia/Tokyo", "Australia/Brisbane", "Pacific/Noumea",
                "Pacific/Fiji", "Pacific/Tongatapu", "Pacific/Kiritimati")) {
            LocalTime local = now.atZone(ZoneId.of(id)).toLocalTime();
            LocalTime later = now.plus(Duration.ofMinutes(30)).atZone(ZoneId.of(id)).toLocalTime();
            if (local.getHour() >= fromHour && later.getHour() < toHour && !later.isBefore(local)) {
                return id;
            }
        }
        throw new IllegalStateException("no zone at " + fromHour + "-" + toHour + " now");
    }

    private static long pct(List<Long> sorted, double p) {
        return sorted.isEmpty() ? -1 : sorted.get(Math.min(sorted.size() - 1, (int) (sorted.size() * p)));
    }
}
