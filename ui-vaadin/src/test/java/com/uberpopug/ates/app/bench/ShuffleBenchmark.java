package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.testsupport.Machine;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.FindShuffle;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.ShuffleProgress;
import com.uberpopug.ates.api.tasks.StartShuffle;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * The shuffle and the board at 100,000 open tasks (issue: "must work for 100,000 open tasks without
 * loading them all into memory at once and without blocking the UI; 100,000 tasks must scroll smoothly").
 *
 * <p>Creates TASKS tasks through the real command path (4 threads), shuffles them all, and samples the
 * JVM heap during the shuffle; then times the board queries a scrolling grid sends (count + a page of
 * 50 at the top, in the middle and at the end; with filters). Baseline in the same run: the CreateTask
 * command rate (one command, two events, one transaction each), which a shuffle step resembles.
 *
 * <p>Run: {@code ./ates bench shuffle} (TASKS=n to change the number, default 100,000).
 */
@Tag("benchmark")
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=shuffle-benchmark")
class ShuffleBenchmark {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    EventProcessingConfiguration processing;
    @Value("${ates.bench.tasks:100000}")
    int tasks;

    @Test
    void shuffleAndBoardAtScale() throws Exception {
        List<TestPopugs.Registered> workers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            workers.add(TestPopugs.eligibleWorker(commands, postgres));
        }
        Runtime.getRuntime().gc();
        long heapBefore = usedHeap();

        long start = System.nanoTime();
        createTasks(tasks);
        double createRate = tasks / seconds(start);

        UUID shuffleId = UUID.randomUUID();
        HeapSampler heap = new HeapSampler();
        heap.start();
        start = System.nanoTime();
        ShuffleProgress progress = commands.sendAndWait(new StartShuffle(shuffleId, "benchmark"));
        int reports = 0;
        while (!progress.finished()) {
            Thread.sleep(200);
            ShuffleProgress now = queries.query(new FindShuffle(shuffleId), ShuffleProgress.class).join();
            reports += now.handled() != progress.handled() ? 1 : 0;
            progress = now;
        }
        double shuffleSeconds = seconds(start);
        heap.stopSampling();

        awaitBoardHasAll();
        postgres.execute("VACUUM ANALYZE task_board"); // as autovacuum would after such a burst of writes
        long total = boardQuery(() -> new FindTasks(null, null, null, 0, 0)).total();
        Timing top = time(() -> new FindTasks(null, null, null, 0, 50));
        Timing middle = time(() -> new FindTasks(null, null, null, tasks / 2, 50));
        Timing end = time(() -> new FindTasks(null, null, null, tasks - 50, 50));
        Timing open = time(() -> new FindTasks(FindTasks.OPEN, null, null, tasks / 2, 50));
        Timing mine = time(() -> FindTasks.openTasksOf(workers.get(0).id(), 0, 50));
        Timing text = time(() -> new FindTasks(null, null, "task 4242", 0, 50));

        System.out.println(String.join("\n",
                "",
                "=== Shuffle benchmark ===",
                "machine:  " + Machine.describe(),
                String.format("tasks:    %,d created through CreateTask (4 threads): %,.0f commands/s (baseline)", tasks, createRate),
                String.format("RESULT:   shuffle of %,d open tasks: %.1f s = %,.0f reassignments/s (%,d reassigned, %d progress steps seen)",
                        progress.total(), shuffleSeconds, progress.reassigned() / shuffleSeconds, progress.reassigned(), reports),
                String.format("          heap used: %,d MB before creating the tasks, at most %,d MB during the shuffle",
                        heapBefore >> 20, heap.max >> 20),
                String.format("board at %,d tasks, one grid fetch = count + page of 50 (mean of 10 after 3 warm-ups):", total),
                "  top:                   " + top,
                "  middle (offset n/2):   " + middle,
                "  end (offset n-50):     " + end,
                "  status=open, middle:   " + open,
                "  one popug's open:      " + mine,
                "  text 'task 4242':      " + text,
                ""));
    }

    private void createTasks(int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(threads.submit(() -> commands.sendAndWait(
                        new CreateTask(UUID.randomUUID(), "Benchmark task " + n, null, "A task to shuffle"))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    /** Until the board projection has taken in every event (the queries are timed on a quiet system). */
    private void awaitBoardHasAll() throws InterruptedException {
        long deadline = System.nanoTime() + 900_000_000_000L;
        StreamingEventProcessor board = processing.eventProcessor("task-board", StreamingEventProcessor.class).orElseThrow();
        while (postgres.queryForObject("SELECT count(*) FROM task_board WHERE assignee_id IS NOT NULL", Long.class) < tasks
                || board.processingStatus().isEmpty()
                || !board.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the board did not catch up within 15 minutes");
            }
            Thread.sleep(200);
        }
    }

    private TaskPage boardQuery(Supplier<FindTasks> query) {
        return queries.query(query.get(), TaskPage.class).join();
    }

    private Timing time(Supplier<FindTasks> query) {
        for (int i = 0; i < 3; i++) {
            boardQuery(query);
        }
        long start = System.nanoTime();
        int rows = 0;
        for (int i = 0; i < 10; i++) {
            rows = boardQuery(query).items().size();
        }
        return new Timing((System.nanoTime() - start) / 10 / 1e6, rows);
    }

    private record Timing(double millis, int rows) {
        @Override
        public String toString() {
            return String.format("%6.1f ms (%d rows)", millis, rows);
        }
    }

    private static long usedHeap() {
        Runtime runtime = Runtime.getRuntime();
        return runtime.totalMemory() - runtime.freeMemory();
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** The highest heap use seen, sampled every 50 ms on a thread of its own. */
    private static final class HeapSampler extends Thread {
        private volatile boolean running = true;
        private volatile long max;

        HeapSampler() {
            setDaemon(true);
        }

        @Override
        public void run() {
            while (running) {
                max = Math.max(max, usedHeap());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException stop) {
                    return;
                }
            }
        }

        void stopSampling() {
            running = false;
        }
    }
}
