package io.switchboard.platform.persistence;

import java.sql.SQLException;

import jakarta.persistence.PersistenceException;

import io.switchboard.platform.problem.ProblemException;

/**
 * Per-tenant uniqueness ("one contact per phone", "one campaign per name") is checked with a query first
 * for a friendly answer, but only the database's unique constraint is race-proof. This turns a violation
 * of the named constraint into a 409 problem instead of a 500.
 */
public final class UniqueConstraints {

    private UniqueConstraints() {
    }

    /**
     * Runs {@code insert} (which must persist and flush, so the violation surfaces here rather than at
     * commit) and answers 409 with {@code detail} if it violates {@code constraint}.
     */
    public static void insertOrConflict(Runnable insert, String constraint, String detail) {
        try {
            insert.run();
        } catch (PersistenceException e) {
            if (violated(e, constraint)) {
                throw ProblemException.conflict(detail);
            }
            throw e;
        }
    }

    public static boolean violated(Throwable e, String constraint) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException c
                    && constraint.equalsIgnoreCase(c.getConstraintName())) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
