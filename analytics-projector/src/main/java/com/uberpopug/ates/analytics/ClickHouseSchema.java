package com.uberpopug.ates.analytics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the versioned SQL files {@code classpath:clickhouse/V<n>__<what>.sql} in order, once each,
 * recording them in {@code schema_history}. ClickHouse has no Flyway; this is its small equivalent.
 */
class ClickHouseSchema {

    private static final Logger log = LoggerFactory.getLogger(ClickHouseSchema.class);
    private static final Pattern FILE = Pattern.compile("V(\\d+)__(.+)\\.sql");
    /** An arbitrary 64-bit key that names this lock among the advisory locks of the database. */
    private static final long MIGRATION_LOCK = 0x41_54_45_53_43_48_4d_47L; // "ATESCHMG"

    private final ClickHouse clickHouse;

    ClickHouseSchema(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    void migrate() {
        migrateTo(Integer.MAX_VALUE);
    }

    /**
     * {@link #migrate()}, one instance at a time. ClickHouse has neither transactions nor locks, so instances
     * starting together took turns on nothing: each applied the same migrations at once, and one failed half-way
     * (a table another was replacing did not exist) and stopped. They take turns on a PostgreSQL advisory lock,
     * held by a transaction for the migration's length; the next finds the migrations applied.
     */
    void migrateTakingTurns(DataSource postgres) {
        new TransactionTemplate(new DataSourceTransactionManager(postgres)).executeWithoutResult(turn -> {
            new JdbcTemplate(postgres).execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
            migrate();
        });
    }

    /** Applies the migrations up to {@code version} (a test builds a database of an older schema with it). */
    void migrateTo(int version) {
        clickHouse.serverJdbc().execute("CREATE DATABASE IF NOT EXISTS " + clickHouse.database());
        clickHouse.jdbc().execute("""
                CREATE TABLE IF NOT EXISTS schema_history (
                    version UInt32, description String, applied_at DateTime
                ) ENGINE = MergeTree() ORDER BY version""");
        Integer current = clickHouse.jdbc().queryForObject("SELECT max(version) FROM schema_history", Integer.class);
        int applied = current == null ? 0 : current;
        JdbcTemplate statements = clickHouse.migrationJdbc();
        for (Migration migration : migrations()) {
            if (migration.version() <= applied || migration.version() > version) {
                continue;
            }
            log.info("ClickHouse: applying V{}__{}", migration.version(), migration.description());
            for (String statement : migration.statements()) {
                statements.execute(statement);
            }
            clickHouse.jdbc().update("INSERT INTO schema_history (version, description, applied_at) VALUES (?, ?, now())",
                    migration.version(), migration.description());
        }
    }

    static List<Migration> migrations() {
        try {
            Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:clickhouse/V*__*.sql");
            return Arrays.stream(files).map(ClickHouseSchema::read)
                    .sorted(Comparator.comparingInt(Migration::version)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the ClickHouse migrations", e);
        }
    }

    private static Migration read(Resource file) {
        Matcher name = FILE.matcher(String.valueOf(file.getFilename()));
        if (!name.matches()) {
            throw new IllegalStateException("ClickHouse migration " + file.getFilename() + " is not named V<n>__<what>.sql");
        }
        try {
            String sql = file.getContentAsString(StandardCharsets.UTF_8);
            List<String> statements = Arrays.stream(sql.split(";\\s*(\\n|$)"))
                    .map(ClickHouseSchema::withoutComments).filter(s -> !s.isBlank()).toList();
            return new Migration(Integer.parseInt(name.group(1)), name.group(2), statements);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file.getFilename(), e);
        }
    }

    private static String withoutComments(String statement) {
        return statement.lines().filter(line -> !line.strip().startsWith("--"))
                .reduce((a, b) -> a + "\n" + b).orElse("").strip();
    }

    record Migration(int version, String description, List<String> statements) {
    }
}
