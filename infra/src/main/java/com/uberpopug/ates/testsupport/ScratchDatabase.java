package com.uberpopug.ates.testsupport;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import javax.sql.DataSource;

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
        String name = IsolatedServices.freshNamespaceName();
        IsolatedServices.createPostgresDatabase(name);
        return new ScratchDatabase(name);
    }

    public DataSource dataSource() {
        return dataSource;
    }

    /** The database's JDBC URL, for a test that needs connections of its own (transactions side by side). */
    public String url() {
        return IsolatedServices.POSTGRES + name;
    }

    public JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    @Override
    public void close() {
        dataSource.destroy();
        IsolatedServices.dropPostgresDatabase(name);
    }
}
