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
    /**
     * The rows a table is compared by, where not all of it: which eligible popug holds which draw slot depends on
     * the order the processor's segments ran in, so only that each holds one is compared.
     */
    private static final Map<String, String> ROWS = Map.of(
            "task_assignees", "(t.popug_id, t.username, t.role, t.active, t.slot IS NOT NULL)");
    static final List<String> CLICKHOUSE_TABLES = List.of("tasks", "balance_changes", "popugs");

    private ReadModelChecksums() {
    }

    static Map<String, String> of(JdbcTemplate postgres, ClickHouse clickHouse) {
        Map<String, String> sums = new LinkedHashMap<>();
        for (String table : POSTGRES_TABLES) {
            String row = ROWS.getOrDefault(table, "t") + "::text";
            sums.put(table, postgres.queryForObject("SELECT count(*) || ':' || coalesce(md5(string_agg(" + row + ", '|' ORDER BY "
                    + row + ")), '-') FROM " + table + " t", String.class));
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
