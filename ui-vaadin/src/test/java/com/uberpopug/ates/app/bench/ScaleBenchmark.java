package com.uberpopug.ates.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.uberpopug.ates.app.packaged.AppApi;
import com.uberpopug.ates.app.packaged.AppDatabase;
import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import com.uberpopug.ates.testsupport.Machine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a second instance gives on this machine, and how long the survivor takes to pick up the segments of an
 * instance that was killed. The packaged application runs as processes of its own on the real services:
 * creations (about half of them completed) through 8 HTTP clients, first with one instance (the baseline of the
 * same run), then with two sharing the work, each figure counted until every task is on the board and every
 * assignment and completion has moved money. Then the second instance is killed (SIGKILL) and the time until the
 * first holds every segment is measured. Prints figures and machine; asserts nothing about time.
 *
 * <p>Run: {@code ./ates bench scale} (CREATIONS=2000 per step, WARMUP=60 seconds).
 */
@Tag("benchmark")
class ScaleBenchmark {

    private static final int WORKERS = 16;
    private static final int CLIENTS = 8;
    private static final String PASSWORD = "scale-bench-1";
    private static final String EVENTS = "SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.";

    private final int creations = Integer.getInteger("ates.bench.creations", 2_000);
    private final int warmUpSeconds = Integer.getInteger("ates.bench.warmup", 60);
    private final List<String> jvmOptions = List.of(System.getProperty("ates.bench.jvm", "-Xmx512m").trim().split("\\s+"));

    @Test
    void oneInstanceThenTwoThenOneKilled() throws Exception {
        Map<String, Object> properties = new HashMap<>(IsolatedServices.newNamespace());
        properties.put("ates.identity.password-strength", 4);
        Path jar = AppProcess.packagedJar();
        List<AppProcess> running = new ArrayList<>();
        List<String> report = new ArrayList<>();
        try (AppDatabase db = new AppDatabase(properties)) {
            AppProcess first = AppProcess.start(jar, jvmOptions, properties, "scale-bench-1");
            running.add(first);
            AppApi one = new AppApi(first);
            List<AppProcess> alone = List.of(first);
            String admin = one.token("admin", IsolatedServices.ADMIN_PASSWORD);
            Map<String, String> tokens = new HashMap<>();
            for (int i = 0; i < WORKERS; i++) {
                String username = "scale-bench-" + i;
                tokens.put(one.register(admin, username, "WORKER", PASSWORD), one.token(username, PASSWORD));
            }
            db.awaitCount("SELECT count(*) FROM task_assignees WHERE active AND role = 'WORKER'", WORKERS);

            long warmUpEnd = System.nanoTime() + warmUpSeconds * 1_000_000_000L;
            while (System.nanoTime() < warmUpEnd) {
                load(alone, admin, tokens, 200);
            }
            awaitCaughtUp(db);
            report.add(step("1 instance", alone, admin, tokens, db));

            AppProcess second = AppProcess.start(jar, jvmOptions, properties, "scale-bench-2");
            running.add(second);
            long spreadStart = System.nanoTime();
            awaitEveryProcessorOnBoth(db);
            report.add(String.format("second instance: started, and holding its share of every processor %.1f s later",
                    seconds(spreadStart)));
            List<AppProcess> both = List.of(first, second);
            load(both, admin, tokens, creations / 4); // the second instance's JIT warms up
            awaitCaughtUp(db);
            report.add(step("2 instances", both, admin, tokens, db));

            long killed = System.nanoTime();
            second.kill();
            running.remove(second);
            String dead = "owner LIKE '" + second.pid() + "@%' OR owner IS NULL";
            while (db.count("SELECT count(*) FROM tokenentry WHERE " + dead) > 0) {
                Thread.sleep(50);
            }
            report.add(String.format("take-over: every segment of the killed instance held by the survivor %.1f s after "
                    + "the SIGKILL (claim timeout 10 s, then the next look for free segments, every 5 s)", seconds(killed)));
        } finally {
            for (AppProcess instance : running) {
                instance.stop();
            }
        }
        System.out.println(String.join("\n", List.of("", "=== Scale-out benchmark ===", "machine:  " + Machine.describe(),
                "load:     " + CLIENTS + " HTTP clients, " + creations + " creations per step (about half completed), "
                        + WORKERS + " workers; counted until every processor has caught up",
                String.join("\n", report), "")));
    }

    /** One measured step: creations/s through these instances, counted until the board and the money have caught up. */
    private String step(String name, List<AppProcess> instances, String admin, Map<String, String> tokens, AppDatabase db)
            throws Exception {
        long start = System.nanoTime();
        load(instances, admin, tokens, creations);
        double answered = seconds(start);
        awaitCaughtUp(db);
        double caughtUp = seconds(start);
        return String.format("%-12s %,6.0f creations/s answered, %,6.0f/s with every processor caught up (%.1f s after the last)",
                name + ":", creations / answered, creations / caughtUp, caughtUp - answered);
    }

    /**
     * {@code count} creations through the instances in turn, every other one completed by its assignee; each client
     * with HTTP clients of its own, as separate programs would be (one shared JDK client handles all its connections'
     * I/O on one thread).
     */
    private static void load(List<AppProcess> instances, String admin, Map<String, String> tokens, int count) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                running.add(clients.submit(() -> {
                    List<AppApi> apis = instances.stream().map(AppApi::new).toList();
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        AppApi api = apis.get(i % apis.size());
                        JsonNode task = api.post("/api/tasks", admin, Map.of("title", "Scale bench " + i, "description", ""), 201);
                        if (i % 2 == 0) {
                            api.post("/api/tasks/" + task.get("id").asText() + "/complete",
                                    tokens.get(task.get("assigneeId").asText()), null, 200);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    /** Every task on the board, every assignment debited and every completion credited. */
    private static void awaitCaughtUp(AppDatabase db) throws Exception {
        db.awaitCount("SELECT count(*) FROM task_board", db.count(EVENTS + "tasks.TaskCreated'"));
        db.awaitCount(EVENTS + "accounting.AccountDebited'", db.count(EVENTS + "tasks.TaskAssigned'"));
        db.awaitCount(EVENTS + "accounting.AccountCredited'", db.count(EVENTS + "tasks.TaskCompleted'"));
    }

    private static void awaitEveryProcessorOnBoth(AppDatabase db) throws Exception {
        String spread = """
                SELECT count(*) FROM (SELECT processorname FROM tokenentry GROUP BY processorname
                                      HAVING count(DISTINCT owner) > 1) shared""";
        long parallel = db.count("SELECT count(DISTINCT processorname) FROM tokenentry WHERE segment > 0");
        db.awaitCount(spread, parallel);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
