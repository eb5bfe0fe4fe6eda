package com.uberpopug.ates.tasks;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * "One shuffle at a time", for every instance of the app: a PostgreSQL session advisory lock held on
 * a connection of its own for as long as the shuffle runs. If the process dies, PostgreSQL drops the
 * connection and with it the lock, so a crashed shuffle never blocks the next one.
 */
@Component
class ShuffleLock {

    /** An arbitrary 64-bit key that names this lock among the advisory locks of the database. */
    private static final long KEY = 0x41_54_45_53_53_48_55_46L; // "ATESSHUF"

    private final DataSource dataSource;

    ShuffleLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock, or empty when another shuffle holds it. */
    Optional<Held> tryAcquire() {
        Connection connection = null;
        try {
            connection = dataSource.getConnection();
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
                result.next();
                if (result.getBoolean(1)) {
                    return Optional.of(new Held(connection));
                }
            }
            connection.close();
            return Optional.empty();
        } catch (SQLException failed) {
            closeQuietly(connection, failed);
            throw new DataAccessResourceFailureException("Could not take the shuffle lock in PostgreSQL", failed);
        }
    }

    private static void closeQuietly(Connection connection, SQLException cause) {
        if (connection == null) {
            return;
        }
        try {
            connection.close();
        } catch (SQLException alsoFailed) {
            cause.addSuppressed(alsoFailed);
        }
    }

    /** The lock while it is held; {@link #release()} gives it back once. */
    static final class Held {

        private Connection connection;

        private Held(Connection connection) {
            this.connection = connection;
        }

        synchronized void release() {
            if (connection == null) {
                return;
            }
            try (Connection closing = connection; Statement statement = closing.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            } catch (SQLException failed) {
                // Closing the connection (done above either way) drops the lock too.
                throw new DataAccessResourceFailureException("Could not release the shuffle lock cleanly", failed);
            } finally {
                connection = null;
            }
        }
    }
}
