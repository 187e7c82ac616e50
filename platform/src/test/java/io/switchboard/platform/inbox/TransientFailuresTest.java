package io.switchboard.platform.inbox;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.GenericJDBCException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {

    @Test
    void aPoolThatCannotHandOutAConnectionInTimeIsTransient() {
        // what Hibernate throws when Agroal's pool is exhausted: found dead-lettering events under the benchmark
        assertTrue(TransientFailures.isTransient(new GenericJDBCException("Unable to acquire JDBC Connection",
                new SQLException("Sorry, acquisition timeout!"))));
    }

    @Test
    void aSerializationFailureIsTransientAndAConstraintViolationIsNot() {
        assertTrue(TransientFailures.isTransient(new GenericJDBCException("x", new SQLException("could not serialize", "40001"))));
        assertFalse(TransientFailures.isTransient(new ConstraintViolationException("duplicate",
                new SQLException("duplicate key", "23505"), "uk")));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
    }
}
