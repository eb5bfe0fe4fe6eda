package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.analytics.ClickHouse;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A checksum of every read model: each PostgreSQL projection table (md5 over its rows in a fixed order)
 * and each ClickHouse fact table (row count and a sum of row hashes, read with FINAL as every query
 * reads them). Two equal maps mean the projections answer every question the same way.
 */
final class ReadModelChecksums {

    static final List<String> POSTGRES_TABLES = List.of("task_board", "task_board_text", "task_board_popugs", "task_assignees",
            "acc_popugs", "acc_tasks", "acc_balances", "acc_audit_log", "acc_earnings", "acc_days", "acc_payouts");
    static final List<String> CLICKHOUSE_TABLES = List.of("tasks", "balance_changes", "popugs");

    private ReadModelChecksums() {
    }

    static Map<String, String> of(JdbcTemplate postgres, ClickHouse clickHouse) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : POSTGRES_TABLES) {
            sums.put(table, postgres.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '-') FROM "
                    + table + " t", String.class));
        }
        JdbcTemplate facts = clickHouse.jdbc();
        for (String table : CLICKHOUSE_TABLES) {
            String columns = facts.queryForList("SELECT name FROM system.columns WHERE database = currentDatabase() AND table = ?",
                    String.class, table).stream().collect(Collectors.joining(", "));
            sums.put("clickhouse." + table, facts.queryForObject("SELECT concat(toString(count()), ':', toString(sum(cityHash64("
                    + columns + ")))) FROM " + table + " FINAL", String.class));
        }
        return sums;
    }
}
