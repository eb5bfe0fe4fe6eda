package com.uberpopug.ates.projections;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements of a projection over one processor batch (one unit of work), sent to PostgreSQL in
 * JDBC batches just before the batch's token is stored, in the same transaction. Order is kept:
 * runs of the same statement go together, a different statement starts a new run. This turns a
 * backlog of thousands of events into a few round trips instead of one per event.
 * Outside a unit of work a statement runs at once.
 */
public final class JdbcBatch {

    private final NamedParameterJdbcTemplate jdbc;
    private final List<Run> runs = new ArrayList<>();

    private JdbcBatch(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public static void add(NamedParameterJdbcTemplate jdbc, String sql, SqlParameterSource parameters) {
        PerBatch.resource(PerBatch.key(JdbcBatch.class, jdbc), () -> new JdbcBatch(jdbc), JdbcBatch::flush)
                .ifPresentOrElse(batch -> batch.append(sql, parameters), () -> jdbc.update(sql, parameters));
    }

    private void append(String sql, SqlParameterSource parameters) {
        Run last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
        if (last == null || !last.sql.equals(sql)) {
            last = new Run(sql);
            runs.add(last);
        }
        last.parameters.add(parameters);
    }

    private void flush() {
        for (Run run : runs) {
            jdbc.batchUpdate(run.sql, run.parameters.toArray(SqlParameterSource[]::new));
        }
        runs.clear();
    }

    private static final class Run {
        private final String sql;
        private final List<SqlParameterSource> parameters = new ArrayList<>();

        private Run(String sql) {
            this.sql = sql;
        }
    }
}
