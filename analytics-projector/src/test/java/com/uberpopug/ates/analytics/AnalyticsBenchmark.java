package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindEarningsPerDay;
import com.uberpopug.ates.api.analytics.FindMostExpensiveTask;
import com.uberpopug.ates.api.analytics.Period;
import com.uberpopug.ates.testsupport.Machine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard questions at company size: FACTS balance changes (10,000,000 by default) over two years for
 * 10,000 popugs, and 1,000,000 tasks, in ClickHouse, with a busy day after them (BUSY_DAY_FACTS facts of one
 * day, 1,000,000 by default). The facts are loaded in batches of a million into the layout before the
 * rollups (V3), one in a hundred of the history's twice, as redeliveries would; then the schema is migrated
 * (V4 reorders the facts, V5 builds the rollups, V6 rebuilds the popug rows of each day), timed, and
 * ClickHouse's background merges of the new parts are let finish. Each question is then asked 100 times
 * (after 5 warm-ups) through {@link AnalyticsQueries}: p50, p95, max. Baseline in the same run: a bare
 * {@code count()} of the facts, and the whole-history negative-popugs query the rollups replaced. Then one
 * projector batch of 1,000 facts of the last day of the history, with its rollups, timed as the live pipeline
 * pays it; last, projector batches of the busy day, beside what each batch read per day until V6 (the day's
 * earnings and top reward from all its facts), timed in the same run.
 *
 * <p>Run: {@code ./ates bench analytics} ({@code FACTS=n}, {@code BUSY_DAY_FACTS=n} to change the numbers).
 */
@Tag("benchmark")
class AnalyticsBenchmark {

    private static final int POPUGS = 10_000;
    private static final int TASKS = 1_000_000;
    private static final int DAYS = 730;
    private static final LocalDate FIRST_DAY = LocalDate.of(2025, 1, 1);
    private static final int RUNS = 100;
    /** The whole-history query takes seconds: asked 20 times, not 100. */
    private static final int BEFORE_RUNS = 20;
    private static final int BUSY_DAY_BATCHES = 9;

    private final long facts = Long.getLong("ates.bench.facts", 10_000_000L);
    private final long busyDayFacts = Long.getLong("ates.bench.busy-day-facts", 1_000_000L);
    private final String database = "ates_analytics_bench_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    private final ClickHouse clickHouse = new ClickHouse(new ClickHouseProperties(null, database, null, null));
    private final AnalyticsQueries analytics = new AnalyticsQueries(clickHouse);

    @Test
    void dashboardQuestionsAtTenMillionFacts() throws InterruptedException {
        try {
            long start = System.nanoTime();
            new ClickHouseSchema(clickHouse).migrateTo(3);
            loadTasks();
            loadFacts();
            LocalDate today = FIRST_DAY.plusDays(DAYS - 1);
            LocalDate busyDay = today.plusDays(1); // after the day the questions are asked of: no answer below counts it
            loadBusyDay(busyDay);
            double loading = seconds(start);
            start = System.nanoTime();
            new ClickHouseSchema(clickHouse).migrate();
            double migrating = seconds(start);
            start = System.nanoTime();
            awaitMergesDone();
            double merging = seconds(start);

            String baseline = time(() -> clickHouse.jdbc().queryForObject("SELECT count() FROM balance_changes", Long.class));
            String beforeRollups = time(BEFORE_RUNS, () -> clickHouse.jdbc().queryForObject("""
                    SELECT count() FROM (SELECT popug_id, sum(amount_cents) AS balance FROM balance_changes FINAL
                                         WHERE day <= ? GROUP BY popug_id) WHERE balance < 0""",
                    Long.class, java.sql.Date.valueOf(today)));
            String summary = time(() -> analytics.summary(new FindAnalyticsSummary(today)));
            String earnings = time(() -> analytics.earnings(new FindEarningsPerDay(today.minusDays(29), today)));
            String earningsYear = time(() -> analytics.earnings(new FindEarningsPerDay(today.minusDays(364), today)));
            String expensiveDay = time(() -> analytics.mostExpensive(new FindMostExpensiveTask(Period.DAY, today)));
            String expensiveWeek = time(() -> analytics.mostExpensive(new FindMostExpensiveTask(Period.WEEK, today)));
            String expensiveMonth = time(() -> analytics.mostExpensive(new FindMostExpensiveTask(Period.MONTH, today)));
            double batch = oneProjectorBatch(today);

            double[] busyBatches = new double[BUSY_DAY_BATCHES];
            for (int i = 0; i < BUSY_DAY_BATCHES; i++) {
                busyBatches[i] = oneProjectorBatch(busyDay);
            }
            Arrays.sort(busyBatches);
            String dayFromFacts = time(BEFORE_RUNS, () -> dayTotalsFromTheFacts(busyDay));
            assertThat(analytics.earnings(new FindEarningsPerDay(busyDay, busyDay)).get(0).earnings().cents())
                    .as("the busy day's earnings, from its popug rows, are what its facts say")
                    .isEqualTo(dayTotalsFromTheFacts(busyDay));

            assertThat(analytics.summary(new FindAnalyticsSummary(today)).negativePopugs())
                    .as("the rollups answer what the whole history says")
                    .isEqualTo(clickHouse.jdbc().queryForObject("""
                            SELECT count() FROM (SELECT popug_id, sum(amount_cents) AS balance FROM balance_changes FINAL
                                                 WHERE day <= ? GROUP BY popug_id) WHERE balance < 0""",
                            Long.class, java.sql.Date.valueOf(today)));
            assertThat(analytics.mostExpensive(new FindMostExpensiveTask(Period.MONTH, today)).task()).isNotNull();

            System.out.println(String.join("\n",
                    "",
                    "=== Analytics benchmark ===",
                    "machine:  " + Machine.describe(),
                    "server:   ClickHouse " + clickHouse.jdbc().queryForObject("SELECT version()", String.class),
                    String.format("data:     %,d balance changes (+1%% redelivered) over %d days for %,d popugs, %,d tasks, and a busy"
                                    + " day after them of %,d more: loaded in %.1f s", facts, DAYS, POPUGS, TASKS, busyDayFacts, loading),
                    String.format("          migration to the rollups (V4 reorder, V5 build, V6 popug rows): %.1f s; background merges after it: %.1f s",
                            migrating, merging),
                    "each query " + RUNS + " times after 5 warm-ups, through the application's JDBC driver (p50 / p95 / max):",
                    "  baseline: count() of the facts:                      " + baseline,
                    "  before:   negative popugs over the whole history (" + BEFORE_RUNS + " times): " + beforeRollups,
                    "RESULT:   summary of a day (earnings + negative popugs): " + summary,
                    "          earnings per day, 30 days:                   " + earnings,
                    "          earnings per day, 365 days:                  " + earningsYear,
                    "          most expensive task of the day:              " + expensiveDay,
                    "          most expensive task of the week:             " + expensiveWeek,
                    "          most expensive task of the month:            " + expensiveMonth,
                    String.format("          one projector batch of 1,000 facts with its rollups: %.0f ms", batch * 1000),
                    String.format("busy day: %,d facts of one day for the same popugs (+ %,d of the batches below)",
                            busyDayFacts, BUSY_DAY_BATCHES * 1_000),
                    "  before:   the day's earnings and top reward read from its facts, as each batch did until V6 ("
                            + BEFORE_RUNS + " times): " + dayFromFacts,
                    String.format("RESULT:   one projector batch of 1,000 facts of the busy day with its rollups, %d times: "
                                    + "median %.0f ms, max %.0f ms", BUSY_DAY_BATCHES,
                            busyBatches[BUSY_DAY_BATCHES / 2] * 1000, busyBatches[BUSY_DAY_BATCHES - 1] * 1000),
                    ""));
        } finally {
            clickHouse.serverJdbc().execute("DROP DATABASE IF EXISTS " + database);
        }
    }

    /**
     * Times are of a server in its steady state: after a bulk load ClickHouse merges the new parts in the
     * background for a while (as PostgreSQL's autovacuum runs after a burst of writes).
     */
    private void awaitMergesDone() throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (clickHouse.jdbc().queryForObject("SELECT count() FROM system.merges WHERE database = ?", Long.class, database) > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    private void loadTasks() {
        clickHouse.jdbc().execute("""
                INSERT INTO tasks SELECT UUIDNumToString(toFixedString(reinterpretAsString(number), 16)), concat('Task ', toString(number)), concat('UP-', toString(number)),
                                         toDateTime('2025-01-01 00:00:00') + number * 60, concat('task-event-', toString(number))
                FROM numbers(%d)""".formatted(TASKS));
    }

    /**
     * In batches of a million, as the days come: fees, rewards (of a task) and now and then a payout. Task ids
     * are UUIDs made of the task's number, so that a reward names a task of the tasks table.
     */
    private void loadFacts() {
        long perDay = Math.max(1, facts / DAYS);
        for (long offset = 0; offset < facts; offset += 1_000_000) {
            insertFacts(0, offset, Math.min(1_000_000, facts - offset), FIRST_DAY, perDay);
        }
        // One in a hundred facts delivered a second time.
        clickHouse.jdbc().execute("INSERT INTO balance_changes SELECT * FROM balance_changes WHERE cityHash64(event_id) % 100 = 0");
    }

    /**
     * A day as busy as a company of hundreds of thousands of tasks a day makes it: BUSY_DAY_FACTS facts of one
     * day (1,000,000 by default) for the same popugs, in batches of a million, loaded with the history so that
     * the migration builds its rollups.
     */
    private void loadBusyDay(LocalDate day) {
        long first = facts * 2; // event ids after the history's
        for (long offset = 0; offset < busyDayFacts; offset += 1_000_000) {
            insertFacts(first, first + offset, Math.min(1_000_000, busyDayFacts - offset), day, busyDayFacts);
        }
    }

    /**
     * Facts numbered {@code from} to {@code from + count - 1}, {@code perDay} a day from {@code firstDay} on
     * (counted from number {@code base}): fees, rewards (of a task) and now and then a payout. Task ids are
     * UUIDs made of the task's number, so that a reward names a task of the tasks table.
     */
    private void insertFacts(long base, long from, long count, LocalDate firstDay, long perDay) {
        clickHouse.jdbc().execute("""
                INSERT INTO balance_changes
                SELECT toString(n), concat('popug-', toString(n %% %d)), toDate('%s') + intDiv(n - %d, %d),
                       toDateTime(toDate('%s') + intDiv(n - %d, %d)) + n %% 86400,
                       multiIf(n %% 10 < 5, 'DEBIT', n %% 10 < 9, 'CREDIT', 'PAYOUT'),
                       multiIf(n %% 10 < 5, -toInt64(100 + cityHash64(n) %% 2000), n %% 10 < 9, toInt64(100 + cityHash64(n) %% 4000),
                               -toInt64(cityHash64(n) %% 3000)),
                       if(n %% 10 >= 5 AND n %% 10 < 9, UUIDNumToString(toFixedString(reinterpretAsString(cityHash64(n) %% %d), 16)), '')
                FROM (SELECT number + %d AS n FROM numbers(%d))""".formatted(POPUGS, firstDay, base, perDay, firstDay, base, perDay,
                TASKS, from, count));
    }

    /** A batch as the projector gets it from Kafka: 1,000 movements of today, written and rolled up in one unit of work. */
    private double oneProjectorBatch(LocalDate today) {
        MoneyFactsProjector money = new MoneyFactsProjector(clickHouse, SimpleQueryUpdateEmitter.builder().build());
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS); // Kafka's record time: milliseconds
        long start = System.nanoTime();
        for (int i = 0; i < 1_000; i++) {
            UUID popug = UUID.randomUUID();
            if (i % 2 == 0) {
                money.on(new AccountDebited(popug, new Money(500), UUID.randomUUID(), today, "b-" + i), "batch-" + i, now);
            } else {
                money.on(new AccountCredited(popug, new Money(900), UUID.randomUUID(), today, "b-" + i), "batch-" + i, now);
            }
        }
        batch.commit();
        return seconds(start);
    }

    /**
     * What a batch paid per day it touched until V6: the day's earnings and its top reward, each read from all
     * the facts of the day. Returns the earnings.
     */
    private long dayTotalsFromTheFacts(LocalDate day) {
        java.sql.Date date = java.sql.Date.valueOf(day);
        clickHouse.jdbc().queryForList("""
                SELECT task_id FROM balance_changes FINAL WHERE day = ? AND kind = 'CREDIT' AND task_id != ''
                ORDER BY amount_cents DESC, at ASC, task_id ASC LIMIT 1""", String.class, date);
        return clickHouse.jdbc().queryForObject("""
                SELECT -sumIf(amount_cents, kind IN ('DEBIT', 'CREDIT')) FROM balance_changes FINAL WHERE day = ?""",
                Long.class, date);
    }

    private static String time(Supplier<?> query) {
        return time(RUNS, query);
    }

    private static String time(int runs, Supplier<?> query) {
        for (int i = 0; i < 5; i++) {
            query.get();
        }
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return String.format("%6.1f / %6.1f / %6.1f ms", millis[runs / 2], millis[(int) Math.ceil(runs * 0.95) - 1], millis[runs - 1]);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
