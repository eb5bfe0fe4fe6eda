package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.testsupport.Machine;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestClock;
import com.uberpopug.ates.app.cli.AtesCli;
import com.uberpopug.ates.messaging.processors.KafkaPositions;
import com.uberpopug.ates.messaging.processors.KnownProcessors;
import com.uberpopug.ates.messaging.processors.ProcessorMonitor;
import com.uberpopug.ates.messaging.processors.ProjectionReplay;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * <p>Seeding a million events takes most of an hour. With {@code STREAM=name} the stream lives in a
 * kept namespace ({@code IsolatedServices.KEPT_NAMESPACE}): the first run seeds it and records how long
 * seeding and the original processing took; later runs (after a change to a projection, say) replay the
 * same stream and print those recorded figures beside the new replay rates.
 *
 * <p>Every figure also goes, as soon as it is measured, to {@code target/replay-benchmark.txt}: a long
 * run's figures survive whatever happens to the test's report.
 *
 * <p>Run: {@code ./ates bench replay} (TASKS=n to change the size; 5 events per task and more).
 */
@Tag("benchmark")
@AtesSpringTest
class ReplayBenchmark {

    private static final Path REPORT = Path.of("target", "replay-benchmark.txt");

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
    TestClock clock;
    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaPositions kafka;

    @Value("${ates.bench.tasks:210000}")
    int tasks;
    @Value("${ates.bench.popugs:100}")
    int popugs;
    @Value("${ates.bench.days:4}")
    int days;

    @Test
    void replayAMillionEvents() throws Exception {
        Files.createDirectories(REPORT.getParent());
        Files.writeString(REPORT, "");
        report("", "=== Replay benchmark (" + Instant.now() + ") ===", "machine:  " + Machine.describe(),
                // Dead row versions of updated rows stay until a vacuum: a long replay on a server without autovacuum
                // (this machine's CI PostgreSQL has it off) writes into a growing table.
                "postgres: " + postgres.queryForObject("SELECT version()", String.class).split(" on ")[0] + ", autovacuum "
                        + postgres.queryForObject("SHOW autovacuum", String.class) + ", shared_buffers "
                        + postgres.queryForObject("SHOW shared_buffers", String.class));
        Stream stream = seededStream();
        report(String.format("stream:   %,d events in the event store (and on Kafka), made by `ates seed --popugs %d --tasks %d "
                        + "--days %d --done 0.5` in %.0f s (%,.0f events/s through the commands)%s", stream.events, stream.popugs,
                stream.tasks, stream.days, stream.seedSeconds, stream.events / stream.seedSeconds,
                stream.reused ? ", seeded by an earlier run (" + stream.seededAt + ")" : ""),
                String.format("original: every projection had handled the whole stream %.0f s after seeding began "
                        + "(%.0f s after it ended): %,.0f events/s", stream.originalSeconds,
                        stream.originalSeconds - stream.seedSeconds, stream.events / stream.originalSeconds),
                "RESULT (replays, one after the other, the application running meanwhile):");

        for (String processor : known.replayable()) {
            measure(processor, ProjectionReplay.Source.KAFKA);
        }
        measure("task-board", ProjectionReplay.Source.EVENT_STORE);
        long boardRows = postgres.queryForObject("SELECT count(*) FROM task_board", Long.class);
        double batchedInsertRate = postgresBatchedInserts((int) boardRows);
        report(String.format("baseline, same run: PostgreSQL batched inserts (1,000 rows a batch) of %,d rows: "
                + "%,.0f rows/s", boardRows, batchedInsertRate), "");
    }

    private record Stream(int popugs, int tasks, int days, long events, double seedSeconds, double originalSeconds,
                          Instant seededAt, boolean reused) {
    }

    /**
     * The stream of a kept namespace when an earlier run seeded it; otherwise seeds it now, waits for the
     * original processing to end, and records both times beside the stream.
     */
    private Stream seededStream() throws Exception {
        // Benchmark bookkeeping, not part of the application's schema: it lives only in a benchmark's namespace.
        postgres.execute("""
                CREATE TABLE IF NOT EXISTS bench_replay_stream (popugs INT NOT NULL, tasks INT NOT NULL, days INT NOT NULL,
                    events BIGINT NOT NULL, seed_seconds DOUBLE PRECISION NOT NULL,
                    original_seconds DOUBLE PRECISION NOT NULL, seeded_at TIMESTAMPTZ NOT NULL)""");
        List<Map<String, Object>> earlier = postgres.queryForList("SELECT * FROM bench_replay_stream");
        if (!earlier.isEmpty()) {
            Map<String, Object> row = earlier.get(0);
            awaitCaughtUp();
            // Kafka's data lives in the work tree's .ates/, PostgreSQL's in the server: a new work tree keeps the one only.
            assertThat(recordsOnKafka()).as("records on the kept stream's topics; if they are gone (a new .ates/), drop "
                    + "the database (dropdb -h 127.0.0.1 -U ates " + postgres.queryForObject("SELECT current_database()",
                    String.class) + ") and seed again").isGreaterThanOrEqualTo((Long) row.get("events"));
            return new Stream((Integer) row.get("popugs"), (Integer) row.get("tasks"), (Integer) row.get("days"),
                    (Long) row.get("events"), (Double) row.get("seed_seconds"), (Double) row.get("original_seconds"),
                    ((java.sql.Timestamp) row.get("seeded_at")).toInstant(), true);
        }
        Long stored = postgres.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        assertThat(stored).as("a kept stream whose seeding did not finish: drop its namespace and seed it again").isLessThan(10);
        // The seed closes a day only once it has begun: the calendar's clock moves to the last of them.
        clock.letBegin(clock.letOpenDayBegin(postgres).plusDays(days - 1));
        long seedStart = System.nanoTime();
        int exit = AtesCli.traced(AtesCli.commandLine(context), new String[]{"seed", "--popugs", String.valueOf(popugs),
                "--tasks", String.valueOf(tasks), "--days", String.valueOf(days), "--done", "0.5"});
        assertThat(exit).as("seed").isZero();
        double seedSeconds = seconds(seedStart);
        awaitCaughtUp();
        double originalSeconds = seconds(seedStart);
        long events = postgres.queryForObject("SELECT count(*) FROM domainevententry", Long.class);
        postgres.update("INSERT INTO bench_replay_stream VALUES (?, ?, ?, ?, ?, ?, now())", popugs, tasks, days, events,
                seedSeconds, originalSeconds);
        return new Stream(popugs, tasks, days, events, seedSeconds, originalSeconds, Instant.now(), false);
    }

    private long recordsOnKafka() {
        return kafka.ends().values().stream().mapToLong(Long::longValue).sum();
    }

    /** One replay, with the rate of each tenth of it: a rate that falls as the read model grows shows here. */
    private void measure(String processor, ProjectionReplay.Source source) throws IOException {
        Tenths tenths = new Tenths();
        ProjectionReplay.Outcome outcome = replay.replay(processor, source, "replay benchmark", tenths);
        double seconds = outcome.took().toMillis() / 1000.0;
        report(String.format("  %-17s from %-11s %,10d events in %7.1f s = %,8.0f events/s; by tenths: %s", processor, source,
                outcome.events(), seconds, outcome.events() / seconds, tenths.rates()));
    }

    /** Events per second in each tenth of a replay. */
    private static final class Tenths implements ProjectionReplay.Progress {
        private final List<String> rates = new ArrayList<>();
        private long total;
        private long lastDone;
        private long lastAt;

        @Override
        public void started(String processor, long total) {
            this.total = total;
            this.lastAt = System.nanoTime();
        }

        @Override
        public void advanced(long done) {
            if ((total > 0 && (done - lastDone) * 10 >= total) || (done >= total && done > lastDone)) {
                long now = System.nanoTime();
                rates.add(String.format("%,.0f", (done - lastDone) / ((now - lastAt) / 1e9)));
                lastDone = done;
                lastAt = now;
            }
        }

        String rates() {
            return String.join(" ", rates);
        }
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
            double rate = rows / seconds(start);
            connection.createStatement().execute("DROP TABLE bench_rows");
            connection.commit();
            return rate;
        }
    }

    /** Prints the lines and appends them to the report file at once. */
    private static void report(String... lines) throws IOException {
        for (String line : lines) {
            System.out.println(line);
            Files.writeString(REPORT, line + System.lineSeparator(), StandardOpenOption.APPEND);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
