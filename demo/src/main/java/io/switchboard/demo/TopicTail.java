package io.switchboard.demo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * {@code ./switchboard demo tail <topic> [--from-beginning]}: a console consumer for the local platform's topics
 * (the Kafka distribution's kafka-console-consumer.sh is not part of bin/infra). No consumer group: it reads every
 * partition and commits nothing, so it never disturbs the services. Prints partition, offset, the CloudEvent type
 * header, the key and the value.
 */
public final class TopicTail {

    private TopicTail() {
    }

    public static void main(String[] args) {
        if (args.length < 1 || args[0].startsWith("-")) {
            System.err.println("usage: ./switchboard demo tail <topic> [--from-beginning]   (e.g. switchboard.calls)");
            System.exit(2);
        }
        String topic = args[0];
        boolean fromBeginning = List.of(args).contains("--from-beginning");
        String bootstrap = "127.0.0.1:" + System.getenv().getOrDefault("SWITCHBOARD_KAFKA_PORT", "19092");
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            if (partitions.isEmpty()) {
                System.err.println("demo: topic " + topic + " does not exist on " + bootstrap);
                System.exit(1);
            }
            consumer.assign(partitions);
            if (fromBeginning) {
                consumer.seekToBeginning(partitions);
            } else {
                consumer.seekToEnd(partitions);
            }
            System.err.println("reading " + topic + " (" + partitions.size() + " partitions) on " + bootstrap
                    + (fromBeginning ? " from the beginning" : " from now") + "; Ctrl-C to stop");
            while (true) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofSeconds(1))) {
                    Header type = r.headers().lastHeader("ce_type");
                    System.out.println(r.partition() + ":" + r.offset() + " "
                            + (type == null ? "" : new String(type.value(), StandardCharsets.UTF_8) + " ")
                            + "key=" + r.key() + " " + r.value());
                }
            }
        } catch (org.apache.kafka.common.KafkaException e) {
            System.err.println("demo: cannot read " + topic + " from Kafka at " + bootstrap + " (" + e.getMessage()
                    + "): is the platform up? ./switchboard status");
            System.exit(1);
        }
    }
}
