package io.switchboard.testsupport;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import javax.sql.DataSource;

/** For race tests: lets a test wait until a concurrent request is really blocked in PostgreSQL. */
public final class Locks {

    private Locks() {
    }

    /** True when some session of this database waits on a lock (e.g. an insert on a unique index another transaction holds). */
    public static boolean someoneWaits(DataSource dataSource) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement q = c.prepareStatement(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'");
                ResultSet rs = q.executeQuery()) {
            rs.next();
            return rs.getLong(1) > 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
