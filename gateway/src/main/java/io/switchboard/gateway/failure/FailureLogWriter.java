package io.switchboard.gateway.failure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Buffers failures in memory and writes them in batches from a scheduler thread. A full buffer or a database
 * outage drops rows (counted and logged) instead of back-pressuring requests: this is a diagnostic log.
 */
@ApplicationScoped
public class FailureLogWriter {

    private static final Logger LOG = Logger.getLogger(FailureLogWriter.class);
    private static final String INSERT = """
            INSERT INTO failure_log (method, endpoint, status, duration_ms, request_id, user_id, tenant_id, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    @Inject
    FailureLogConfig config;

    @Inject
    AgroalDataSource dataSource;

    private BlockingQueue<Failure> queue;
    private final AtomicLong dropped = new AtomicLong();

    @PostConstruct
    void init() {
        queue = new ArrayBlockingQueue<>(config.queueCapacity());
    }

    /** Never blocks: called on the event loop when a response ends. */
    void offer(Failure failure) {
        if (!queue.offer(failure)) {
            dropped.incrementAndGet();
        }
    }

    @Scheduled(every = "${switchboard.failure-log.flush-interval:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "failure-log-flush")
    void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warnf("failure log: %d failure(s) dropped, the buffer was full", lost);
        }
        List<Failure> batch = new ArrayList<>(config.batchSize());
        while (queue.drainTo(batch, config.batchSize()) > 0) {
            write(batch);
            batch.clear();
        }
    }

    private void write(List<Failure> batch) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Failure f : batch) {
                bind(insert, f);
                insert.addBatch();
            }
            insert.executeBatch();
        } catch (SQLException e) {
            // one bad row must not cost the others: retry them one by one and lose only what fails alone
            LOG.warnf("failure log: batch of %d not written (%s); writing row by row", batch.size(), e.getMessage());
            writeOneByOne(batch);
        }
    }

    private void writeOneByOne(List<Failure> batch) {
        int lost = 0;
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (Failure f : batch) {
                try {
                    bind(insert, f);
                    insert.executeUpdate();
                } catch (SQLException e) {
                    lost++;
                    LOG.warnf("failure log: row %s %s (request %s) not written: %s", f.method(), f.endpoint(),
                            f.requestId(), e.getMessage());
                }
            }
        } catch (SQLException e) {
            lost = batch.size();
            LOG.warnf("failure log: %d row(s) not written: %s", batch.size(), e.getMessage());
        }
        if (lost > 0) {
            LOG.warnf("failure log: %d of %d row(s) lost", lost, batch.size());
        }
    }

    private static void bind(PreparedStatement insert, Failure f) throws SQLException {
        insert.setString(1, f.method());
        insert.setString(2, f.endpoint());
        insert.setShort(3, (short) f.status());
        insert.setInt(4, f.durationMs());
        insert.setString(5, f.requestId());
        insert.setObject(6, f.userId(), Types.OTHER);
        insert.setObject(7, f.tenantId(), Types.OTHER);
        insert.setTimestamp(8, Timestamp.from(f.at()));
    }
}
