package com.uberpopug.ates.app.packaged;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The PostgreSQL database of packaged instances, read directly by a test: counts, rows, and waiting for counts. */
public final class AppDatabase implements AutoCloseable {

    private final Connection db;

    public AppDatabase(Map<String, Object> namespace) throws SQLException {
        this.db = DriverManager.getConnection((String) namespace.get("spring.datasource.url"), "ates", "ates");
    }

    public long count(String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Waits up to 120 s until {@code sql} counts {@code expected}, and fails if it counts more. */
    public void awaitCount(String sql, long expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        long seen;
        while ((seen = count(sql)) < expected) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("waited 120 s for " + expected + " from: " + sql + " (seen " + seen + ")");
            }
            Thread.sleep(2);
        }
        assertThat(seen).as(sql).isEqualTo(expected);
    }

    public List<Map<String, Object>> rows(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                Map<String, Object> row = new HashMap<>();
                for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                    row.put(rs.getMetaData().getColumnLabel(c), rs.getObject(c));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** Each popug's credits minus debits, in cents, as the event store has them. */
    public Map<UUID, Long> balancesFromEvents() throws SQLException {
        Map<UUID, Long> balances = new HashMap<>();
        for (Map<String, Object> row : rows("""
                SELECT (convert_from(payload, 'UTF8')::json ->> 'popugId')::uuid AS popug,
                       CASE WHEN payloadtype LIKE '%Debited' THEN -1 ELSE 1 END
                         * (convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents')::bigint AS amount
                FROM domainevententry WHERE payloadtype IN ('com.uberpopug.ates.api.accounting.AccountDebited',
                                                            'com.uberpopug.ates.api.accounting.AccountCredited')""")) {
            balances.merge((UUID) row.get("popug"), (Long) row.get("amount"), Long::sum);
        }
        return balances;
    }

    @Override
    public void close() throws SQLException {
        db.close();
    }
}
