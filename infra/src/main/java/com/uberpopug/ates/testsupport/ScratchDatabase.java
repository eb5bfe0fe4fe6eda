package com.uberpopug.ates.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An empty PostgreSQL database of one test's own, on the server {@code infra/ates-services.sh up} starts,
 * for a module's handlers and migrations without the whole application: made at once, dropped at
 * {@link #close()}. Named like the test namespaces, so one a killed test left behind is swept with them.
 */
public final class ScratchDatabase implements AutoCloseable {

    private final String name;
    private final SingleConnectionDataSource dataSource;

    private ScratchDatabase(String name) {
        this.name = name;
        this.dataSource = new SingleConnectionDataSource(IsolatedServices.POSTGRES + name, "ates", "ates", true);
    }

    public static ScratchDatabase create() {
        String name = "ates_it_" + Instant.now().getEpochSecond() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        onServer("CREATE DATABASE " + name);
        return new ScratchDatabase(name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
        onServer("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
    }

    private static void onServer(String statement) {
        try (Connection server = DriverManager.getConnection(IsolatedServices.POSTGRES + "ates", "ates", "ates")) {
            server.createStatement().execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + " failed on PostgreSQL at 127.0.0.1:5432 (start the services: "
                    + "infra/ates-services.sh up)", e);
        }
    }
}
