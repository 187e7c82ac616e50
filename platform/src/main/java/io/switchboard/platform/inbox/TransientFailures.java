package io.switchboard.platform.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

/**
 * Whether a handler's failure may pass if the same event is applied again a moment later. Only such failures
 * are retried: a constraint violation or a bug fails the same way every time and goes to the dead-letter
 * topic at once. The rule is PostgreSQL's SQLSTATE classes, read anywhere in the cause chain, plus a pool that
 * could not hand out a connection in time.
 */
public final class TransientFailures {

    /**
     * 08 connection exception, 40 transaction rollback (serialization failure, deadlock), 53 insufficient
     * resources, 57P operator intervention (server shutting down), 55P03 lock not available.
     */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53");
    private static final Set<String> TRANSIENT_STATES = Set.of("57P01", "57P02", "57P03", "55P03");

    private TransientFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof LockTimeoutException || t instanceof PessimisticLockException
                    || t instanceof QueryTimeoutException) {
                return true;
            }
            if (t.getClass() == SQLException.class && ((SQLException) t).getSQLState() == null) {
                // PostgreSQL's own errors always carry a SQLSTATE: a bare SQLException without one comes from the
                // connection pool (Agroal's "acquisition timeout" when every connection is busy), before any
                // statement ran
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (TRANSIENT_STATES.contains(state) || (state.length() >= 2 && TRANSIENT_CLASSES.contains(state.substring(0, 2)))) {
                    return true;
                }
            }
        }
        return false;
    }
}
