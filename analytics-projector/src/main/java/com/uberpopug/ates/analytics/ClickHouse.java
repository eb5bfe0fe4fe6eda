package com.uberpopug.ates.analytics;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import ru.yandex.clickhouse.ClickHouseDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

/**
 * The connection to ClickHouse. Deliberately not a {@link DataSource} bean: PostgreSQL is the
 * application's one DataSource, and Spring Boot would back off from it if it saw a second.
 */
public class ClickHouse {

    private static final Duration MIGRATION_TIMEOUT = Duration.ofHours(1);

    private final ClickHouseProperties properties;
    private final JdbcTemplate jdbc;

    ClickHouse(ClickHouseProperties properties) {
        this.properties = properties;
        this.jdbc = new JdbcTemplate(shared(dataSource(properties, properties.database())));
    }

    /** Statements against the aTES analytics database. */
    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /** Statements against the server's {@code default} database, e.g. to create the aTES one. */
    JdbcTemplate serverJdbc() {
        return new JdbcTemplate(dataSource(properties, "default"));
    }

    /**
     * Statements against the aTES database that may run for minutes: a migration rebuilds a table from the
     * whole history (V6 took longer than the driver's usual 30 s to wait for an answer at 10,000,000 facts).
     */
    JdbcTemplate migrationJdbc() {
        return new JdbcTemplate(dataSource(properties, properties.database(), MIGRATION_TIMEOUT));
    }

    String database() {
        return properties.database();
    }

    String address() {
        return properties.url();
    }

    /**
     * One connection of the driver for every statement, made when the first one runs (again after a failure to
     * make it). The driver's own data source makes a connection per statement, each with an HTTP client of its
     * own that first asks the server for its zone and version: a quarter of the analytics thread under live load,
     * and twice the queries for ClickHouse to answer (docs/PERFORMANCE.md). A connection of this driver keeps
     * nothing between statements (each is a request over its pool of HTTP connections), so threads share it.
     */
    private static DataSource shared(ClickHouseDataSource driver) {
        SingleConnectionDataSource shared = new SingleConnectionDataSource() {
            @Override
            protected Connection getConnectionFromDriver(Properties ignored) throws SQLException {
                return driver.getConnection();
            }
        };
        shared.setSuppressClose(true);
        shared.setUrl(driver.getUrl()); // only checked for being set
        return shared;
    }

    private static ClickHouseDataSource dataSource(ClickHouseProperties properties, String database) {
        return dataSource(properties, database, null);
    }

    /** @param answerTimeout how long to wait for the server's answer; null: the driver's default (30 s) */
    private static ClickHouseDataSource dataSource(ClickHouseProperties properties, String database, Duration answerTimeout) {
        ru.yandex.clickhouse.settings.ClickHouseProperties settings = new ru.yandex.clickhouse.settings.ClickHouseProperties();
        if (answerTimeout != null) {
            settings.setSocketTimeout((int) answerTimeout.toMillis());
        }
        settings.setUser(properties.user());
        settings.setPassword(properties.password().isEmpty() ? null : properties.password());
        // The old server here answers compressed responses in a format the driver misreads.
        settings.setCompress(false);
        // Facts are written and read in UTC whatever the JVM's or server's zone.
        settings.setUseServerTimeZone(false);
        settings.setUseTimeZone("UTC");
        settings.setUseServerTimeZoneForDates(false);
        // The server closes an HTTP connection idle for keep_alive_timeout (3 s by default); the driver would check one
        // before reusing it only after 3 s of its own, so a statement could meet a connection closed under it.
        settings.setValidateAfterInactivityMillis(1000);
        return new ClickHouseDataSource(properties.url() + "/" + database, settings);
    }
}
