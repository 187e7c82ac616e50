package io.switchboard.platform.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Re-drives a service's dead-letter topic: every record in {@code switchboard.dlq.<service>} that this tool has
 * not re-driven yet goes back, byte for byte (key, value, original headers), to the topic it came from (the
 * {@code dead-letter-topic} header SmallRye's dead-letter queue writes), in order. The tool's own consumer group
 * ({@code switchboard-redrive-<service>}) records how far it got, committed only after the broker acknowledged
 * the copies, so a second run does not repeat them; and consumers are idempotent, so a repeat would be harmless.
 * It reads up to the end the topic had when it started, so records that fail again are left for the next run.
 *
 * Plain Kafka clients, no Quarkus: {@code ./switchboard redrive <service>} runs it locally, and inside a JVM
 * service pod it runs from the service's own libraries (docs/deployment.md). Bootstrap servers come from
 * {@code SWITCHBOARD_KAFKA_BOOTSTRAP}, else {@code KAFKA_BOOTSTRAP_SERVERS} (what the pods have), else
 * {@code 127.0.0.1:$SWITCHBOARD_KAFKA_PORT} (19092).
 */
public final class DeadLetterRedrive {

    public static final String DLQ_PREFIX = "switchboard.dlq.";
    public static final String ORIGIN_TOPIC_HEADER = "dead-letter-topic";
    private static final String DEAD_LETTER_HEADERS = "dead-letter-";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What one run did: records copied back per original topic, and records without an origin that were skipped. */
    public record Result(Map<String, Integer> redriven, int skipped) {
        public int total() {
            return redriven.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private DeadLetterRedrive() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0].isBlank() || args[0].startsWith("-")) {
            System.err.println("usage: DeadLetterRedrive <service>   (re-drives switchboard.dlq.<service>)");
            System.exit(2);
        }
        String bootstrap = bootstrapFromEnv();
        Result result = redrive(bootstrap, args[0]);
        System.out.printf("re-drove %d record(s) from %s%s via %s: %s%n", result.total(), DLQ_PREFIX + args[0],
                result.skipped() > 0 ? " (skipped " + result.skipped() + " without a " + ORIGIN_TOPIC_HEADER + " header)" : "",
                bootstrap, result.redriven());
    }

    static String bootstrapFromEnv() {
        String explicit = System.getenv("SWITCHBOARD_KAFKA_BOOTSTRAP");
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        String pod = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
        if (pod != null && !pod.isBlank()) {
            return pod;
        }
        String port = System.getenv("SWITCHBOARD_KAFKA_PORT");
        return "127.0.0.1:" + (port == null || port.isBlank() ? "19092" : port.trim());
    }

    public static Result redrive(String bootstrap, String service) {
        String dlq = DLQ_PREFIX + service;
        Map<String, Integer> redriven = new TreeMap<>();
        int skipped = 0;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProps(bootstrap, service),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
                KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerProps(bootstrap),
                        new ByteArraySerializer(), new ByteArraySerializer())) {
            List<PartitionInfo> infos = consumer.partitionsFor(dlq, TIMEOUT);
            if (infos == null || infos.isEmpty()) {
                return new Result(redriven, 0); // nothing was ever dead-lettered
            }
            List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(dlq, p.partition())).toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, TIMEOUT);
            Map<TopicPartition, Long> remaining = new HashMap<>();
            for (TopicPartition tp : partitions) {
                if (consumer.position(tp, TIMEOUT) < end.get(tp)) {
                    remaining.put(tp, end.get(tp));
                }
            }
            long lastProgress = System.nanoTime();
            while (!remaining.isEmpty()) {
                if (System.nanoTime() - lastProgress > TIMEOUT.toNanos()) {
                    throw new IllegalStateException("no progress on " + dlq + " for " + TIMEOUT + "; still to read: " + remaining);
                }
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition tp = new TopicPartition(record.topic(), record.partition());
                    if (remaining.containsKey(tp) && record.offset() < remaining.get(tp)) {
                        batch.add(record);
                    }
                }
                if (!batch.isEmpty()) {
                    lastProgress = System.nanoTime();
                }
                Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
                List<Future<RecordMetadata>> sends = new ArrayList<>();
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    Header origin = record.headers().lastHeader(ORIGIN_TOPIC_HEADER);
                    if (origin == null) {
                        skipped++;
                        System.err.printf("skipping %s-%d@%d: no %s header%n", record.topic(), record.partition(),
                                record.offset(), ORIGIN_TOPIC_HEADER);
                        continue;
                    }
                    String topic = new String(origin.value(), StandardCharsets.UTF_8);
                    ProducerRecord<byte[], byte[]> copy = new ProducerRecord<>(topic, record.key(), record.value());
                    for (Header header : record.headers()) {
                        if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                            copy.headers().add(header);
                        }
                    }
                    sends.add(producer.send(copy));
                    redriven.merge(topic, 1, Integer::sum);
                }
                producer.flush();
                for (Future<RecordMetadata> send : sends) {
                    await(send); // throws on a copy the broker refused: this poll's offsets are then not committed
                }
                for (ConsumerRecord<byte[], byte[]> record : batch) {
                    commit.put(new TopicPartition(record.topic(), record.partition()), new OffsetAndMetadata(record.offset() + 1));
                }
                if (!commit.isEmpty()) {
                    consumer.commitSync(commit, TIMEOUT);
                }
                for (TopicPartition tp : List.copyOf(remaining.keySet())) {
                    if (consumer.position(tp, TIMEOUT) >= remaining.get(tp)) {
                        remaining.remove(tp);
                    }
                }
            }
        }
        return new Result(redriven, skipped);
    }

    private static void await(Future<RecordMetadata> send) {
        try {
            send.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-drive stopped, the broker refused a copy: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Properties consumerProps(String bootstrap, String service) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "switchboard-redrive-" + service);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "switchboard-redrive-" + service);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return props;
    }

    private static Properties producerProps(String bootstrap) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "switchboard-redrive");
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }
}
