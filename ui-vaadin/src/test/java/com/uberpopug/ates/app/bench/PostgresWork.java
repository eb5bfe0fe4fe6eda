package com.uberpopug.ates.app.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What PostgreSQL did for a stretch of load, from its own statistics of the app's database: committed
 * transactions and rows written (inserted, updated, deleted) per table. Each commit costs a WAL flush, so
 * transactions per creation say where the database's share of the CPU goes.
 */
record PostgresWork(long commits, Map<String, Long> writes) {

    /** The counters now; PostgreSQL publishes a backend's statistics within a second of its transactions. */
    static PostgresWork read(Connection db) throws SQLException {
        long commits;
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
            rs.next();
            commits = rs.getLong(1);
        }
        Map<String, Long> writes = new TreeMap<>();
        try (ResultSet rs = db.createStatement().executeQuery(
                "SELECT relname, n_tup_ins + n_tup_upd + n_tup_del FROM pg_stat_user_tables")) {
            while (rs.next()) {
                writes.put(rs.getString(1), rs.getLong(2));
            }
        }
        return new PostgresWork(commits, writes);
    }

    /** Since {@code before}, per {@code per} units of work: commits, and the tables written most. */
    String since(PostgresWork before, double per) {
        Map<String, Long> written = new TreeMap<>();
        writes.forEach((table, rows) -> {
            long delta = rows - before.writes.getOrDefault(table, 0L);
            if (delta > 0) {
                written.put(table, delta);
            }
        });
        Map<String, Long> top = written.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, LinkedHashMap::new));
        return String.format("%.1f commits; rows written: %s", (commits - before.commits) / per,
                top.entrySet().stream().map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / per))
                        .collect(Collectors.joining(", ")));
    }
}
