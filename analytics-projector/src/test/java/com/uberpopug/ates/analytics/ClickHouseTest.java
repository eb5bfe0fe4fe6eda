package com.uberpopug.ates.analytics;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.ConnectionCallback;
import ru.yandex.clickhouse.ClickHouseConnection;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Statements against the analytics database, on the real ClickHouse that infra/ates-services.sh starts. */
class ClickHouseTest {

    private final String database = "ates_connection_test_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final ClickHouse clickHouse = new ClickHouse(new ClickHouseProperties(null, database, null, null));

    @BeforeEach
    void createDatabase() {
        clickHouse.serverJdbc().execute("CREATE DATABASE " + database);
    }

    @AfterEach
    void dropDatabase() {
        clickHouse.serverJdbc().execute("DROP DATABASE IF EXISTS " + database);
    }

    /** The driver makes each of its connections with an HTTP client of its own and a query to the server first. */
    @Test
    void statementsShareOneConnectionOfTheDriver() throws SQLException {
        ClickHouseConnection first = driverConnection();
        clickHouse.jdbc().execute("CREATE TABLE facts (n UInt32) ENGINE = MergeTree ORDER BY n");
        clickHouse.jdbc().update("INSERT INTO facts (n) VALUES (?)", 7);

        assertThat(clickHouse.jdbc().queryForObject("SELECT sum(n) FROM facts", Long.class)).isEqualTo(7);
        assertThat(driverConnection()).as("the same connection after three statements").isSameAs(first);
        assertThat(first.isClosed()).as("closing after a statement does not close it").isFalse();
    }

    /** The analytics processor's segments and the dashboards' queries run at once on different threads. */
    @Test
    void threadsRunStatementsOnItAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<List<Long>>> answers = new ArrayList<>();
            for (int thread = 0; thread < 8; thread++) {
                long base = thread * 1000L;
                answers.add(threads.submit(() -> {
                    List<Long> mine = new ArrayList<>();
                    for (long n = base; n < base + 50; n++) {
                        mine.add(clickHouse.jdbc().queryForObject("SELECT toUInt64(?) + 1", Long.class, n));
                    }
                    return mine;
                }));
            }
            for (int thread = 0; thread < 8; thread++) {
                long base = thread * 1000L;
                assertThat(answers.get(thread).get()).as("thread %d's answers, each to its own statement", thread)
                        .containsExactlyElementsOf(LongStream.rangeClosed(base + 1, base + 50).boxed().toList());
            }
        } finally {
            threads.shutdownNow();
        }
    }

    private ClickHouseConnection driverConnection() {
        return clickHouse.jdbc().execute((ConnectionCallback<ClickHouseConnection>) connection ->
                connection.unwrap(ClickHouseConnection.class));
    }
}
