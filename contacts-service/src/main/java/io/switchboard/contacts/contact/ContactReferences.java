package io.switchboard.contacts.contact;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import io.switchboard.platform.problem.ProblemException;

/**
 * Every row of every table with a foreign key to {@code contact(id)}, found in the PostgreSQL catalog at the
 * time of the merge: memories, consents, follow-ups, customers, call links and whatever a later migration adds
 * follow the survivor without this class knowing them. Not contact's own duplicate_of: a merged-away primary's
 * duplicates get an heir by the rule of {@link Duplicates} instead.
 */
@ApplicationScoped
class ContactReferences {

    /** One single-column foreign key to contact(id): the table and column, already quoted as identifiers. */
    record Reference(String table, String column) {
    }

    @Inject
    EntityManager em;

    List<Reference> all() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT quote_ident(n.nspname) || '.' || quote_ident(t.relname), quote_ident(a.attname)
                FROM pg_constraint k
                JOIN pg_class t ON t.oid = k.conrelid
                JOIN pg_namespace n ON n.oid = t.relnamespace
                JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                WHERE k.contype = 'f' AND k.confrelid = to_regclass('contact') AND cardinality(k.conkey) = 1
                  AND k.conrelid <> k.confrelid
                ORDER BY 1, 2""").getResultList();
        return rows.stream().map(r -> new Reference((String) r[0], (String) r[1])).toList();
    }

    /**
     * Re-points every referencing row from {@code from} to {@code to}. A table that allows one row per contact
     * (both are customers, say) cannot take both: 409 naming it, and the caller's transaction rolls back whole.
     */
    void move(UUID from, UUID to) {
        for (Reference ref : all()) {
            try {
                em.createNativeQuery("UPDATE " + ref.table() + " SET " + ref.column() + " = ?1 WHERE " + ref.column() + " = ?2")
                        .setParameter(1, to).setParameter(2, from).executeUpdate();
            } catch (PersistenceException e) {
                if (uniqueViolation(e)) {
                    throw ProblemException.conflict("both contacts have a row in " + ref.table()
                            + " that may exist only once per contact; resolve it first (nothing was merged)");
                }
                throw e;
            }
        }
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
