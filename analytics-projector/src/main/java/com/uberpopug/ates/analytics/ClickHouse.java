package com.uberpopug.ates.analytics;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.yandex.clickhouse.ClickHouseDataSource;

import javax.sql.DataSource;

import java.time.Duration;

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
        this.jdbc = new JdbcTemplate(dataSource(properties, properties.database()));
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

    private static DataSource dataSource(ClickHouseProperties properties, String database) {
        return dataSource(properties, database, null);
    }

    /** @param answerTimeout how long to wait for the server's answer; null: the driver's default (30 s) */
    private static DataSource dataSource(ClickHouseProperties properties, String database, Duration answerTimeout) {
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
        return new ClickHouseDataSource(properties.url() + "/" + database, settings);
    }
}
