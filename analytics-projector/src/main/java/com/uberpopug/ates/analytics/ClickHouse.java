package com.uberpopug.ates.analytics;

import org.springframework.jdbc.core.JdbcTemplate;
import ru.yandex.clickhouse.ClickHouseDataSource;

import javax.sql.DataSource;

/**
 * The connection to ClickHouse. Deliberately not a {@link DataSource} bean: PostgreSQL is the
 * application's one DataSource, and Spring Boot would back off from it if it saw a second.
 */
public class ClickHouse {

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

    String database() {
        return properties.database();
    }

    String address() {
        return properties.url();
    }

    private static DataSource dataSource(ClickHouseProperties properties, String database) {
        ru.yandex.clickhouse.settings.ClickHouseProperties settings = new ru.yandex.clickhouse.settings.ClickHouseProperties();
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
