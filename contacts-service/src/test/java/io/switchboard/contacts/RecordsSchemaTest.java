package io.switchboard.contacts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What other parts rely on, read from PostgreSQL's catalog: every records table hides other tenants' rows
 * (forced row-level security), and references its contact by a real foreign key that cascades (contact merge
 * re-points every foreign key to contact(id) it finds in the catalog; deleting a contact removes its records).
 */
@QuarkusTest
class RecordsSchemaTest {

    @Inject
    EntityManager em;

    @Inject
    RecordsApi records;

    @ParameterizedTest
    @ValueSource(strings = { "memory", "consent", "customer", "customer_reference_counter", "follow_up", "meeting" })
    void everyRecordsTableHasForcedRowLevelSecurity(String table) {
        List<?> flags = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE relname = ?1 AND relkind = 'r'")
                .setParameter(1, table).getResultList());
        assertEquals(List.of(true), flags);
        // and an unscoped query of another tenant sees nothing
        assertEquals(0, records.count(UUID.randomUUID(), "SELECT count(*) FROM " + table + " WHERE ?1 IS NOT NULL"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "memory", "consent", "customer", "follow_up", "meeting" })
    void everyRecordsTableReferencesItsContactWithACascadingForeignKey(String table) {
        List<?> keys = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                SELECT concat_ws(':', a.attname, c.confdeltype, a.attnotnull) FROM pg_constraint c
                JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
                WHERE c.contype = 'f' AND c.conrelid = CAST(?1 AS regclass) AND c.confrelid = CAST('contact' AS regclass)""")
                .setParameter(1, table).getResultList());
        assertEquals(List.of("contact_id:c:t"), keys); // column, ON DELETE CASCADE, NOT NULL
    }
}
