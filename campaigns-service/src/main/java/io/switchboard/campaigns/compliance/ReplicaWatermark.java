package io.switchboard.campaigns.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.switchboard.events.Topics;

/**
 * How current the contacts and credits replicas are, measured, not assumed. Every probe notes the end offset of each
 * partition of the replicated topics at time T; once this service's consumer group has committed at least those
 * offsets, every event that reached Kafka before T is applied, and T becomes the topic's watermark. The replicas count
 * as current while both watermarks are younger than {@code switchboard.dialer.replica-max-staleness}; otherwise the
 * dispatcher fails closed (skip reason {@code replica_behind}). Events still waiting in a producer's outbox cannot be
 * seen by anyone: docs/dispatcher.md "Fail-closed rules".
 */
@ApplicationScoped
public class ReplicaWatermark {

    private static final Logger LOG = Logger.getLogger(ReplicaWatermark.class);

    static final List<String> TOPICS = List.of(Topics.CONTACTS, Topics.CREDITS);

    private record Probe(Instant at, Map<TopicPartition, Long> endOffsets) {
    }

    private final String bootstrap;
    private final String groupId;
    private final Duration maxStaleness;
    private final Map<String, Instant> watermarks = new ConcurrentHashMap<>();
    private final Map<String, Deque<Probe>> pending = new HashMap<>();
    private volatile Admin admin;

    public ReplicaWatermark(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrap,
            @ConfigProperty(name = "mp.messaging.connector.smallrye-kafka.group.id") String groupId,
            @ConfigProperty(name = "switchboard.dialer.replica-max-staleness", defaultValue = "2m") Duration maxStaleness) {
        this.bootstrap = bootstrap;
        this.groupId = groupId;
        this.maxStaleness = maxStaleness;
    }

    /** The moment up to which {@code topic}'s events are known to be applied; empty before the first caught-up probe. */
    public Optional<Instant> caughtUpAt(String topic) {
        return Optional.ofNullable(watermarks.get(topic));
    }

    /** Both replicas caught up within the staleness bound at {@code now}. */
    public boolean current(Instant now) {
        return TOPICS.stream().allMatch(topic -> caughtUpAt(topic)
                .map(at -> !at.isBefore(now.minus(maxStaleness))).orElse(false));
    }

    @Scheduled(every = "${switchboard.dialer.replica-probe-every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            probe(Instant.now());
        } catch (Exception e) {
            // an unreachable broker leaves the watermarks where they were: they age and the dispatcher fails closed
            LOG.debugf("replica probe failed: %s", e.toString());
        }
    }

    synchronized void probe(Instant now) throws Exception {
        Admin client = admin();
        Set<String> existing = client.listTopics().names().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        for (String topic : TOPICS) {
            Map<TopicPartition, Long> ends = new HashMap<>();
            if (existing.contains(topic)) {
                var partitions = client.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                        .get(topic).partitions().stream().map(p -> new TopicPartition(topic, p.partition()))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                client.listOffsets(partitions).all().get(10, TimeUnit.SECONDS)
                        .forEach((tp, info) -> ends.put(tp, info.offset()));
            }
            Deque<Probe> queue = pending.computeIfAbsent(topic, t -> new ArrayDeque<>());
            queue.addLast(new Probe(now, ends));
            // the newest probe whose end offsets the group has reached is the watermark; older ones are implied
            Instant reached = null;
            for (Probe probe : queue) {
                if (caughtUp(probe.endOffsets(), committed)) {
                    reached = probe.at();
                }
            }
            if (reached != null) {
                Instant at = reached;
                watermarks.merge(topic, at, (a, b) -> a.isAfter(b) ? a : b);
                queue.removeIf(p -> !p.at().isAfter(at));
            }
            while (queue.size() > 100) {
                queue.removeFirst();
            }
        }
    }

    private static boolean caughtUp(Map<TopicPartition, Long> ends, Map<TopicPartition, OffsetAndMetadata> committed) {
        return ends.entrySet().stream().allMatch(end -> {
            if (end.getValue() == 0) {
                return true; // an empty partition has nothing to apply
            }
            OffsetAndMetadata offset = committed.get(end.getKey());
            return offset != null && offset.offset() >= end.getValue();
        });
    }

    private Admin admin() {
        if (admin == null) {
            synchronized (this) {
                if (admin == null) {
                    admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                            AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000,
                            AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000));
                }
            }
        }
        return admin;
    }

    @PreDestroy
    void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
