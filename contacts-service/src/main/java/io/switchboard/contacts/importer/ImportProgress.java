package io.switchboard.contacts.importer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.switchboard.platform.tenant.TenantScope;

/**
 * The two long-lived reads of a job, outside any request transaction: its progress as a stream (polled, emitted when
 * it changed, ending with the job) and its errors as a CSV download read with a database cursor, row by row.
 */
@ApplicationScoped
public class ImportProgress {

    @Inject
    ImportConfig config;

    @Inject
    ImportRepository imports;

    @Inject
    AgroalDataSource dataSource;

    /** The job now and at every change until it has ended (its last state included). */
    Multi<ImportView> stream(UUID tenantId, UUID id) {
        return Multi.createBy().repeating()
                .uni(() -> Uni.createFrom().item(() -> load(tenantId, id)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()))
                .withDelay(config.progressInterval())
                .whilst(view -> !ended(view))
                .skip().repetitions();
    }

    private static boolean ended(ImportView view) {
        return !ContactImport.QUEUED.equals(view.status()) && !ContactImport.RUNNING.equals(view.status());
    }

    private ImportView load(UUID tenantId, UUID id) {
        return TenantScope.call(tenantId, () -> QuarkusTransaction.requiringNew()
                .call(() -> imports.findForTenant(tenantId, id).map(ImportView::of).orElseThrow()));
    }

    void writeErrorsCsv(UUID tenantId, UUID id, OutputStream out) {
        TenantScope.call(tenantId, () -> {
            try (Connection connection = dataSource.getConnection()) {
                boolean autoCommit = connection.getAutoCommit();
                // a cursor (fetch size) needs a transaction; it is read-only and rolled back
                connection.setAutoCommit(false);
                try (PreparedStatement select = connection.prepareStatement("""
                        SELECT row_number, column_name, value, reason FROM contact_import_error
                        WHERE tenant_id = ? AND import_id = ? ORDER BY row_number, id""")) {
                    select.setFetchSize(1000);
                    select.setObject(1, tenantId);
                    select.setObject(2, id);
                    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.RFC4180.builder()
                            .setHeader("row", "column", "value", "reason").get());
                    try (ResultSet rs = select.executeQuery()) {
                        while (rs.next()) {
                            csv.printRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                        }
                    }
                    csv.flush();
                } finally {
                    connection.rollback();
                    connection.setAutoCommit(autoCommit);
                }
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read the import's errors", e);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }
}
