package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.cli.AtesCli;
import com.uberpopug.ates.app.processors.KnownProcessors;
import com.uberpopug.ates.app.processors.ProcessorMonitor;
import com.uberpopug.ates.app.processors.ProjectionReplay;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How fast projections are rebuilt, on a stream of at least a million events made by {@code ates seed}
 * (the real command path: popugs, tasks, completions, closed days), against how long their original
 * processing took: while seeding, every projection ran and kept pace with the commands; the original
 * processing ends when the last of them has handled the last seeded event. Then each projection is
 * replayed from Kafka, and the board also from the event store. Baseline in the same run: batched
 * PostgreSQL inserts of as many rows as the board holds. Prints figures and machine; asserts nothing
 * about time.
 *
 * <p>Run: {@code ./ates bench replay} (TASKS=n to change the size; 5 events per task and more).
 */
@Tag("benchmark")
@AtesSpringTest
class ReplayBenchmark {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    KnownProcessors known;
    @Autowired
    ProcessorMonitor monitor;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    DataSource dataSource;

    @Value("${ates.bench.tasks:210000}")
    int tasks;
    @Value("${ates.bench.popugs:100}")
    int popugs;
    @Value("${ates.bench.days:4}")
    int days;

    @Test
    void replayAMillionEvents() throws Exception {
        long seedStart = System.nanoTime();
        int exit = AtesCli.traced(AtesCli.commandLine(context), new String[]{"seed", "--popugs", String.valueOf(popugs),
                "--tasks", String.valueOf(tasks), "--days", String.valueOf(days), "--done", "0.5"});
        assertThat(exit).as("seed").isZero();
        double seedSeconds = seconds(seedStart);
        awaitCaughtUp();
        double originalSeconds = seconds(seedStart);
        long events = postgres.queryForObject("SELECT count(*) FROM domainevententry", Long.class);

        List<String> lines = new ArrayList<>();
        for (String processor : known.replayable()) {
            lines.add(measure(processor, ProjectionReplay.Source.KAFKA));
        }
        lines.add(measure("task-board", ProjectionReplay.Source.EVENT_STORE));
        long boardRows = postgres.queryForObject("SELECT count(*) FROM task_board", Long.class);
        double batchedInsertRate = postgresBatchedInserts((int) boardRows);

        System.out.println(String.join("\n",
                "",
                "=== Replay benchmark ===",
                "machine:  " + Machine.describe(),
                String.format("stream:   %,d events in the event store (and on Kafka), made by `ates seed --popugs %d --tasks %d "
                        + "--days %d --done 0.5` in %.0f s (%,.0f events/s through the commands)", events, popugs, tasks, days,
                        seedSeconds, events / seedSeconds),
                String.format("original: every projection had handled the whole stream %.0f s after seeding began "
                        + "(%.0f s after it ended): %,.0f events/s", originalSeconds, originalSeconds - seedSeconds,
                        events / originalSeconds),
                "RESULT (replays, one after the other, the application running meanwhile):"));
        lines.forEach(line -> System.out.println("  " + line));
        System.out.println(String.format("baseline, same run: PostgreSQL batched inserts (1,000 rows a batch) of %,d rows: "
                + "%,.0f rows/s", boardRows, batchedInsertRate));
        System.out.println();
    }

    private String measure(String processor, ProjectionReplay.Source source) {
        ProjectionReplay.Outcome outcome = replay.replay(processor, source, "replay benchmark", ProjectionReplay.Progress.NONE);
        double seconds = outcome.took().toMillis() / 1000.0;
        return String.format("%-17s from %-11s %,10d events in %7.1f s = %,8.0f events/s", processor, source,
                outcome.events(), seconds, outcome.events() / seconds);
    }

    private void awaitCaughtUp() throws InterruptedException {
        int quiet = 0;
        while (quiet < 2) {
            Thread.sleep(1000);
            quiet = monitor.behind().isEmpty() ? quiet + 1 : 0;
        }
    }

    private double postgresBatchedInserts(int rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            connection.createStatement().execute("CREATE TEMP TABLE bench_rows (id UUID PRIMARY KEY, title TEXT, n BIGINT)");
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_rows VALUES (?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setString(2, "Benchmark row " + i);
                    insert.setLong(3, i);
                    insert.addBatch();
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
            return rows / seconds(start);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
