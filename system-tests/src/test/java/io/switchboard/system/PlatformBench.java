package io.switchboard.system;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

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

import io.switchboard.system.RunningPlatform.SignedUp;
import io.switchboard.testsupport.Infra;
import io.switchboard.testsupport.TestTokens;

/**
 * Benchmarks, each against a baseline measured in the same run on the same machine:
 * <ol>
 * <li>gateway overhead: authenticated reads through the gateway vs the same reads sent straight to
 * calls-service (what the gateway's auth, scope check, rate limit, token minting and proxying cost);</li>
 * <li>event pipeline: calls created through the gateway until analytics-service has counted them all
 * (REST + PostgreSQL + outbox + relay + Kafka + idempotent consumer) vs the same number of same-sized
 * records produced to and consumed from the same Kafka broker with plain clients.</li>
 * </ol>
 * Not part of the test suite (the class name does not end in Test); run with {@code ./switchboard bench}.
 * Figures vary with the machine: read the ratios.
 */
class PlatformBench {

    private static final int CONCURRENCY = Integer.getInteger("bench.concurrency", 16);
    private static final int READS = Integer.getInteger("bench.reads", 4000);
    private static final int EVENTS = Integer.getInteger("bench.events", 1000);

    /**
     * HTTP/1.1, so every load thread has its own connection like independent API clients. (The JDK client
     * otherwise multiplexes all threads over one h2c connection, which one event-loop thread then serves.)
     */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void gatewayOverheadAndEventPipelineAgainstTheirBaselines() throws Exception {
        // the limiter still runs on every request (its cost is part of the overhead); it just never says no
        RunningPlatform platform = RunningPlatform.get(java.util.Map.of("SWITCHBOARD_RATE_LIMIT_TENANT", "100000000", "JAVA_TOOL_OPTIONS", System.getProperty("bench.gateway.jvm", "")));
        SignedUp tenant = platform.signUp();
        String callId = post(platform.url() + "/api/v1/calls", tenant.bearer());

        String viaGateway = platform.url() + "/api/v1/calls/" + callId;
        String direct = platform.calls.url() + "/api/v1/calls/" + callId;
        String internal = "Bearer " + TestTokens.internal(tenant.tenantId(), tenant.userId().toString(), "admin",
                TestTokens.ALL_SCOPES);
        // warm both paths (JIT, pools, caches) before measuring
        load(viaGateway, tenant.bearer(), 500);
        load(direct, internal, 500);
        Result gateway = load(viaGateway, tenant.bearer(), READS);
        Result service = load(direct, internal, READS);

        long pipelineStart = System.nanoTime();
        Result writes = loadPosts(platform.url() + "/api/v1/calls", tenant.bearer(), EVENTS);
        int expected = EVENTS + 1;
        while (countedByAnalytics(platform, tenant) < expected) {
            Thread.sleep(100);
        }
        double pipelineSeconds = (System.nanoTime() - pipelineStart) / 1e9;
        double kafkaSeconds = rawKafkaRoundTrip(EVENTS, 900);

        System.out.println();
        System.out.println("== Switchboard benchmark (" + Runtime.getRuntime().availableProcessors() + " cores, concurrency "
                + CONCURRENCY + ") ==");
        System.out.printf("gateway GET  %6.0f req/s  p50 %5.1f ms  p99 %5.1f ms%n", gateway.rps(), gateway.p(50), gateway.p(99));
        System.out.printf("direct  GET  %6.0f req/s  p50 %5.1f ms  p99 %5.1f ms   (baseline)%n", service.rps(), service.p(50),
                service.p(99));
        System.out.printf("gateway throughput ratio: %.2f x of direct; added p50 latency %.1f ms%n",
                gateway.rps() / service.rps(), gateway.p(50) - service.p(50));
        System.out.printf("create calls via gateway: %6.0f req/s  p50 %5.1f ms  p99 %5.1f ms%n", writes.rps(), writes.p(50),
                writes.p(99));
        System.out.printf("event pipeline: %d calls created->counted in %.2f s = %.0f events/s%n", EVENTS, pipelineSeconds,
                EVENTS / pipelineSeconds);
        System.out.printf("raw Kafka produce+consume of %d records: %.2f s = %.0f records/s   (baseline)%n", EVENTS,
                kafkaSeconds, EVENTS / kafkaSeconds);
        System.out.printf("pipeline ratio: %.3f x of raw Kafka%n", (EVENTS / pipelineSeconds) / (EVENTS / kafkaSeconds));
    }

    private record Result(double seconds, long[] latenciesNanos) {
        double rps() {
            return latenciesNanos.length / seconds;
        }

        double p(int percentile) {
            return latenciesNanos[Math.min(latenciesNanos.length - 1, latenciesNanos.length * percentile / 100)] / 1e6;
        }
    }

    private Result load(String url, String bearer, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer).GET().build();
        return run(requests, () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 200);
    }

    private Result loadPosts(String url, String bearer, int requests) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"toNumber\":\"+14155550123\"}")).build();
        return run(requests, () -> http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode(), 201);
    }

    private interface Call {
        int status() throws Exception;
    }

    private Result run(int requests, Call call, int expectedStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger next = new AtomicInteger();
        long[] latencies = new long[requests];
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int w = 0; w < CONCURRENCY; w++) {
            workers.add(pool.submit(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    long t0 = System.nanoTime();
                    int status = call.status();
                    latencies[i] = System.nanoTime() - t0;
                    if (status != expectedStatus) {
                        throw new IllegalStateException("unexpected status " + status);
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(latencies);
        return new Result(seconds, latencies);
    }

    private static int countedByAnalytics(RunningPlatform platform, SignedUp tenant) {
        return given().baseUri(platform.url()).header("Authorization", tenant.bearer())
                .get("/api/v1/analytics/tenant/summary").then().statusCode(200).extract().path("callsCreated");
    }

    private static String post(String url, String bearer) {
        return given().header("Authorization", bearer).contentType("application/json").body("{\"toNumber\":\"+14155550123\"}")
                .post(url).then().statusCode(201).extract().path("id");
    }

    /** The same number of records of about a call.created event's size, produced (acks=all) and consumed back. */
    private static double rawKafkaRoundTrip(int records, int bytes) throws Exception {
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
            return (System.nanoTime() - start) / 1e9;
        }
    }
}
