package com.uberpopug.ates.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import com.uberpopug.ates.testsupport.Machine;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.core.NestedExceptionUtils;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live system's throughput and latency through HTTP, with every processor running.
 *
 * <p>The packaged application runs as a process of its own (with the heap of {@code ./ates run}) on the real
 * services, in a namespace of its own. Workers are registered; their bearer tokens are the clients' identities.
 * <ul>
 *   <li><b>Closed loop</b>, K = 1, 4, 8, 16 clients: each creates tasks and completes about half of those it
 *   created (as their assignee) for a fixed number of creations. The figure counts once every processor has caught
 *   up (lag 0 everywhere, read from {@code /actuator/prometheus}); the catch-up time and each processor's lag at
 *   the last command are printed.</li>
 *   <li><b>Open loop</b>, 100, 200, 400, 800 creations/s offered: the time from each {@code 201} to the task's row
 *   in the board's read model and to its debit in the audit log's read model (the tables the board and the audit
 *   log endpoints read; a watcher polls them every {@value #WATCH_MILLIS} ms, so that the probe does not add a
 *   request per task to the load); p50, p95, p99.</li>
 *   <li><b>Baselines</b>, same run, same K: single-row insert transactions into PostgreSQL over JDBC (what
 *   pgbench's simplest script does), and {@code GET /api/me} with a bearer token (HTTP and security alone).</li>
 * </ul>
 * The app's resident memory and heap are sampled throughout. Prints figures and machine; asserts only that no
 * request failed.
 *
 * <p>Run: {@code ./ates bench live} (CREATIONS=n creations per closed-loop step, SECONDS_PER_RATE=n per open-loop rate,
 * WARMUP=n seconds of load before the first figure, JAR=path measures another build of the app,
 * JFR=1 records the app with Flight Recorder during each closed-loop step, into {@code ui-vaadin/target/live-k<K>.jfr}:
 * the baselines are not in the recordings, and stacks are kept 256 frames deep, so that a sample in a command's
 * handling still shows the request it serves).
 */
@Tag("benchmark")
class LiveThroughputBenchmark {

    /** Registered at once while setting up a company of POPUGS. */
    private static final int REGISTERING_CLIENTS = 8;
    private static final String PASSWORD = "live-bench-1";
    private static final int[] CLIENTS = {1, 4, 8, 16};
    private static final int[] OFFERED_RATES = {100, 200, 400, 800};
    private static final long WATCH_MILLIS = 10;
    /** A figure counts only when every processor has caught up within this long after the last command. */
    private static final double CATCH_UP_LIMIT_SECONDS = 5;
    private static final Pattern GAUGE = Pattern.compile("(?m)^ates_processor_lag_events\\{processor=\"([^\"]+)\"} (\\S+)$");

    private final int creations = Integer.getInteger("ates.bench.creations", 3_000);
    /**
     * Workers the tasks are drawn among (each logged in, to complete the tasks they get). A company-sized count
     * (10,000) shows what the draw and every per-popug table cost at that size.
     */
    private final int popugs = Integer.getInteger("ates.bench.popugs", 16);
    private final int openLoopSeconds = Integer.getInteger("ates.bench.seconds", 10);
    private final int warmUpSeconds = Integer.getInteger("ates.bench.warmup", 300);
    /** The app's JVM options: {@code ./ates bench live} passes those of {@code ./ates run} (ATES_JAVA_OPTS). */
    private final String jvmOptions = System.getProperty("ates.bench.jvm", "-Xmx512m");
    private final boolean flightRecording = Boolean.getBoolean("ates.bench.jfr");
    /** Another build of the app to measure (the jar of an earlier commit, for a before/after on the same machine). */
    private final String jar = System.getProperty("ates.bench.jar", "");

    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> report = new ArrayList<>();
    /** The app's database, for its statistics. */
    private Connection database;
    private AppProcess app;
    private String adminToken;
    private final List<Worker> workers = new ArrayList<>();
    private final Map<String, String> tokenOf = new HashMap<>();

    private record Worker(String id, String token) {
    }

    @Test
    void createsAndCompletesTasksThroughHttpWithEveryProcessorRunning() throws Exception {
        Map<String, Object> namespace = IsolatedServices.newNamespace();
        Map<String, Object> properties = new HashMap<>(namespace);
        properties.put("ates.identity.password-strength", 4); // registering the benchmark's workers is not measured
        properties.put("ates.metrics.processor-status-ttl", "100ms"); // the catch-up is read from the gauges
        List<String> jvm = new ArrayList<>(Arrays.stream(jvmOptions.split("\\s+")).filter(option -> !option.isBlank()).toList());
        if (flightRecording) {
            // Flight Recorder keeps 64 frames by default: a command's stack is deeper, and the HTTP request around it is lost.
            jvm.add("-XX:FlightRecorderOptions:stackdepth=256");
        }
        Path measured = jar.isBlank() ? AppProcess.packagedJar() : Path.of(jar);
        app = AppProcess.start(measured, jvm, properties, "live-bench");
        MemorySampler memory = new MemorySampler();
        try (Connection db = DriverManager.getConnection((String) namespace.get("spring.datasource.url"), "ates", "ates")) {
            database = db;
            adminToken = token("admin", IsolatedServices.ADMIN_PASSWORD);
            String company = registerWorkers(db);
            report.add("");
            report.add("=== Live throughput benchmark ===");
            report.add("machine:    " + Machine.describe());
            report.add("app:        " + (jar.isBlank() ? "packaged jar" : jar) + ", JVM options " + jvm
                    + ", every processor running, " + popugs + " workers; PostgreSQL " + setting(db, "server_version")
                    + " (" + postgresSettings(db) + ")");
            report.add("company:    " + company);
            memory.start();

            warmUp();
            report.add("");
            report.add("closed loop: K clients, each creates tasks and completes about half of those it created");
            report.add(String.format("%-3s %13s %13s %7s %10s %18s %17s", "K", "creations/s", "completions/s", "errors",
                    "catch-up", "PostgreSQL tx/s", "GET /api/me/s"));
            for (int k : CLIENTS) {
                double inserts = postgresInserts(namespace, k);
                double me = apiMe(k);
                if (flightRecording) {
                    jcmd("JFR.start", "name=live", "settings=profile", "filename=" + Path.of("target", "live-k" + k + ".jfr").toAbsolutePath());
                }
                memory.closedLoop(true);
                closedLoop(k == 1 ? Math.max(100, creations / 6) : creations, k);
                memory.closedLoop(false);
                if (flightRecording) {
                    jcmd("JFR.stop", "name=live");
                }
                report.set(report.size() - 1, report.get(report.size() - 1)
                        + String.format(" %18.0f %17.0f", inserts, me));
            }
            report.add("");
            report.add("open loop: creations offered at a fixed rate; time from the 201 to the board and to the debit");
            report.add("(read models polled every " + WATCH_MILLIS + " ms)");
            db.createStatement().execute("CREATE INDEX IF NOT EXISTS bench_audit_log_task_idx ON acc_audit_log (task_id)");
            for (int rate : OFFERED_RATES) {
                if (!openLoop(db, rate)) {
                    break;
                }
            }
        } finally {
            memory.stop();
            report.add("");
            report.add(memory.summary());
            app.stop();
            report.forEach(System.out::println);
        }
    }

    /**
     * Creations at K = 8 for {@code ates.bench.warmup} seconds: the JIT compiler keeps a core busy for the
     * first minutes of load (23,000 classes, still a fifth of the app's CPU two minutes in, on a slow day), and a
     * figure taken before that measures the compiler. Its share in the last round is printed.
     */
    private void warmUp() throws Exception {
        long start = System.nanoTime();
        int rounds = 0;
        Map<String, Double> lastRound = null;
        while (seconds(start) < warmUpSeconds) {
            Map<String, Double> roundStart = ProcessCpu.seconds(app.pid());
            closedLoop(400, 8, false);
            lastRound = ProcessCpu.since(roundStart, app.pid());
            rounds++;
        }
        report.add(String.format("warm-up (not counted): %,d creations at K=8 in %.0f s%s", rounds * 400, seconds(start),
                lastRound == null ? "" : String.format("; JIT compilers %.0f %% of the app's CPU in its last round",
                        ProcessCpu.jitPercent(lastRound))));
    }

    // --- closed loop --------------------------------------------------------------------------------------------

    /** K clients create {@code total} tasks between them and complete about half; one row of the report. */
    private void closedLoop(int total, int clients) throws Exception {
        closedLoop(total, clients, true);
    }

    private void closedLoop(int total, int clients, boolean reported) throws Exception {
        AtomicInteger left = new AtomicInteger(total);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger errors = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        Map<String, Double> cpuBefore = ProcessCpu.seconds(app.pid());
        PostgresWork postgresBefore = PostgresWork.read(database);
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                Worker me = workers.get(c % workers.size());
                running.add(threads.submit(() -> {
                    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    while (left.getAndDecrement() > 0) {
                        try {
                            JsonNode task = send(own, "POST", "/api/tasks", me.token(),
                                    Map.of("title", "Live task " + UUID.randomUUID(), "description", ""), 201);
                            if (ThreadLocalRandom.current().nextBoolean()) {
                                String assignee = tokenOf.get(task.get("assigneeId").asText());
                                send(own, "POST", "/api/tasks/" + task.get("id").asText() + "/complete", assignee, null, 200);
                                completed.incrementAndGet();
                            }
                        } catch (Exception failed) {
                            if (errors.incrementAndGet() <= 3) {
                                System.err.println("request failed: " + failed.getMessage());
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            threads.shutdown();
        }
        double seconds = seconds(start);
        Map<String, Double> lagAtEnd = lags();
        double catchUp = awaitCaughtUp();
        Map<String, Double> cpu = ProcessCpu.since(cpuBefore, app.pid());
        if (!reported) {
            return;
        }
        Thread.sleep(1_500); // PostgreSQL publishes its statistics within a second
        String postgres = PostgresWork.read(database).since(postgresBefore, total);
        String counted = catchUp <= CATCH_UP_LIMIT_SECONDS ? "" : " (NOT COUNTED: caught up after more than "
                + CATCH_UP_LIMIT_SECONDS + " s)";
        report.add(String.format("    lag at the last command (events): %s%s", lagAtEnd, counted));
        report.add("    CPU seconds per 1,000 creations (with their completions, until caught up): " + ProcessCpu.per(cpu, total / 1000.0));
        report.add("    PostgreSQL per creation (with its completions): " + postgres);
        report.add(String.format("%-3d %13.0f %13.0f %7d %9.1fs", clients, total / seconds, completed.get() / seconds,
                errors.get(), catchUp));
        if (errors.get() > 0) {
            throw new AssertionError(errors.get() + " requests failed at K=" + clients);
        }
    }

    /** Seconds until every processor's lag is 0. */
    private double awaitCaughtUp() throws Exception {
        long start = System.nanoTime();
        while (lags().values().stream().anyMatch(lag -> lag > 0)) {
            if (seconds(start) > 300) {
                throw new AssertionError("processors still behind after 300 s: " + lags());
            }
            Thread.sleep(250);
        }
        return seconds(start);
    }

    /** Each processor's lag in events (events the publisher has not forwarded, Kafka records not yet handled). */
    private Map<String, Double> lags() throws Exception {
        Map<String, Double> lags = new TreeMap<>();
        Matcher gauge = GAUGE.matcher(scrape());
        while (gauge.find()) {
            lags.put(gauge.group(1), Double.valueOf(gauge.group(2)));
        }
        if (lags.isEmpty()) {
            throw new IllegalStateException("no processor lag in /actuator/prometheus");
        }
        return lags;
    }

    private String scrape() throws Exception {
        // Only the gauge read here, not the whole scrape.
        HttpResponse<String> response = http.send(request("GET",
                        "/actuator/prometheus?includedNames=ates_processor_lag_events", adminToken, null),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    // --- open loop ----------------------------------------------------------------------------------------------

    /** Offers {@code rate} creations/s; prints the latencies; false when the system did not hold the rate. */
    private boolean openLoop(Connection db, int rate) throws Exception {
        Map<UUID, Long> createdAt = new ConcurrentHashMap<>();
        Map<String, Integer> errors = new ConcurrentHashMap<>(); // by kind: an HTTP status or the client's exception
        int total = rate * openLoopSeconds;
        CountDownLatch answered = new CountDownLatch(total);
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / rate;
        Watcher watcher = new Watcher(db, createdAt);
        watcher.start();
        long start = System.nanoTime();
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
            }
            Worker creator = workers.get(i % workers.size());
            http.sendAsync(request("POST", "/api/tasks", creator.token(),
                            Map.of("title", "Open-loop task " + UUID.randomUUID(), "description", "")),
                    HttpResponse.BodyHandlers.ofString()).whenComplete((response, failed) -> {
                        long at = System.nanoTime();
                        try {
                            if (failed != null) {
                                errors.merge(NestedExceptionUtils.getMostSpecificCause(failed).getClass().getSimpleName(), 1, Integer::sum);
                            } else if (response.statusCode() != 201) {
                                errors.merge("HTTP " + response.statusCode(), 1, Integer::sum);
                            } else {
                                createdAt.put(UUID.fromString(json.readTree(response.body()).get("id").asText()), at);
                            }
                        } catch (Exception unreadable) {
                            errors.merge("unreadable 201", 1, Integer::sum);
                        } finally {
                            answered.countDown();
                        }
                    });
        }
        double offeredSeconds = seconds(start);
        boolean allAnswered = answered.await(120, TimeUnit.SECONDS);
        double answeredSeconds = seconds(start);
        watcher.awaitAll(createdAt.size(), 120);
        watcher.stop();
        double achieved = total / answeredSeconds;
        int failures = errors.values().stream().mapToInt(Integer::intValue).sum();
        report.add(String.format("%4d/s offered (%,d tasks in %.1f s), answered at %.0f/s, errors %d%s: "
                        + "create -> board p50 %s p95 %s p99 %s; create -> debit p50 %s p95 %s p99 %s", rate, total,
                offeredSeconds, achieved, failures, failures == 0 ? "" : " " + new TreeMap<>(errors),
                watcher.board.percentile(50), watcher.board.percentile(95), watcher.board.percentile(99),
                watcher.debit.percentile(50), watcher.debit.percentile(95), watcher.debit.percentile(99)));
        awaitCaughtUp();
        if (!allAnswered || failures > 0 || achieved < rate * 0.9) {
            report.add("      not held: the higher rates are not tried");
            return false;
        }
        return true;
    }

    /** Polls the board's and the audit log's tables for the created tasks, and notes when each appears. */
    private final class Watcher implements Runnable {
        private final Connection db;
        private final Map<UUID, Long> createdAt;
        private final Map<UUID, Long> onBoard = new ConcurrentHashMap<>();
        private final Map<UUID, Long> debited = new ConcurrentHashMap<>();
        final Latencies board = new Latencies();
        final Latencies debit = new Latencies();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private Thread thread;

        Watcher(Connection db, Map<UUID, Long> createdAt) {
            this.db = db;
            this.createdAt = createdAt;
        }

        void start() {
            thread = new Thread(this, "open-loop-watcher");
            thread.start();
        }

        @Override
        public void run() {
            try (PreparedStatement boardRows = db.prepareStatement("SELECT task_id FROM task_board WHERE task_id = ANY(?)");
                 PreparedStatement debitRows = db.prepareStatement(
                         "SELECT task_id FROM acc_audit_log WHERE kind = 'DEBIT' AND task_id = ANY(?)")) {
                while (running.get()) {
                    see(boardRows, onBoard, board);
                    see(debitRows, debited, debit);
                    Thread.sleep(WATCH_MILLIS);
                }
            } catch (Exception failed) {
                throw new IllegalStateException("watcher failed", failed);
            }
        }

        private void see(PreparedStatement query, Map<UUID, Long> seen, Latencies latencies) throws SQLException {
            UUID[] pending = createdAt.keySet().stream().filter(id -> !seen.containsKey(id)).toArray(UUID[]::new);
            if (pending.length == 0) {
                return;
            }
            query.setArray(1, db.createArrayOf("uuid", pending));
            try (ResultSet rows = query.executeQuery()) {
                long now = System.nanoTime();
                while (rows.next()) {
                    UUID id = rows.getObject(1, UUID.class);
                    if (seen.putIfAbsent(id, now) == null) {
                        latencies.add(now - createdAt.get(id));
                    }
                }
            }
        }

        void awaitAll(int count, int seconds) throws InterruptedException {
            long start = System.nanoTime();
            while ((onBoard.size() < count || debited.size() < count) && seconds(start) < seconds) {
                Thread.sleep(50);
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join();
        }
    }

    private static final class Latencies {
        private final List<Long> nanos = new ArrayList<>();

        synchronized void add(long value) {
            nanos.add(value);
        }

        synchronized String percentile(int p) {
            if (nanos.isEmpty()) {
                return "-";
            }
            List<Long> sorted = nanos.stream().sorted().toList();
            long value = sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
            return String.format("%.0f ms", value / 1e6);
        }
    }

    // --- baselines ----------------------------------------------------------------------------------------------

    /** Single-row insert transactions (autocommit) from K connections for 3 s: rows per second. */
    private double postgresInserts(Map<String, Object> namespace, int clients) throws Exception {
        String url = (String) namespace.get("spring.datasource.url");
        try (Connection db = DriverManager.getConnection(url, "ates", "ates")) {
            db.createStatement().execute("CREATE TABLE IF NOT EXISTS bench_rows (id UUID PRIMARY KEY, payload BYTEA)");
        }
        List<Connection> connections = new CopyOnWriteArrayList<>();
        try {
            return forThreeSeconds(clients, () -> {
                Connection own = DriverManager.getConnection(url, "ates", "ates");
                connections.add(own);
                PreparedStatement insert = own.prepareStatement("INSERT INTO bench_rows VALUES (?, ?)");
                byte[] payload = new byte[300];
                return () -> {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setBytes(2, payload);
                    insert.executeUpdate();
                };
            });
        } finally {
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    /** {@code GET /api/me} with a bearer token from K clients for 3 s: requests per second. */
    private double apiMe(int clients) throws Exception {
        AtomicInteger client = new AtomicInteger();
        return forThreeSeconds(clients, () -> {
            HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            Worker me = workers.get(client.getAndIncrement() % workers.size());
            return () -> send(own, "GET", "/api/me", me.token(), null, 200);
        });
    }

    private interface Action {
        void run() throws Exception;
    }

    private interface PerClient {
        Action open() throws Exception;
    }

    /** Each of K threads repeats its action for 3 s (after half a second of warm-up): actions per second. */
    private static double forThreeSeconds(int clients, PerClient perClient) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(clients);
        AtomicLong done = new AtomicLong();
        AtomicBoolean counting = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        try {
            List<Future<?>> all = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                all.add(threads.submit(() -> {
                    Action action = perClient.open();
                    while (running.get()) {
                        action.run();
                        if (counting.get()) {
                            done.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            Thread.sleep(500);
            counting.set(true);
            long start = System.nanoTime();
            Thread.sleep(3_000);
            counting.set(false);
            double seconds = seconds(start);
            running.set(false);
            for (Future<?> each : all) {
                each.get();
            }
            return done.get() / seconds;
        } finally {
            threads.shutdownNow();
        }
    }

    // --- setup and HTTP -----------------------------------------------------------------------------------------

    /** Registers and logs in the workers; says how long it took. */
    private String registerWorkers(Connection db) throws Exception {
        String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
        long start = System.nanoTime();
        AtomicInteger next = new AtomicInteger();
        List<Worker> registered = Collections.synchronizedList(new ArrayList<>());
        ExecutorService threads = Executors.newFixedThreadPool(REGISTERING_CLIENTS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < REGISTERING_CLIENTS; c++) {
                running.add(threads.submit(() -> {
                    HttpClient own = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    for (int i = next.getAndIncrement(); i < popugs; i = next.getAndIncrement()) {
                        String username = "live-" + run + "-" + i;
                        JsonNode popug = send(own, "POST", "/api/popugs", adminToken, Map.of("username", username,
                                "fullName", "Live " + i, "email", username + "@uberpopug.com", "role", "WORKER", "password", PASSWORD), 201);
                        registered.add(new Worker(popug.get("id").asText(), token(username, PASSWORD)));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            threads.shutdown();
        }
        workers.addAll(registered);
        registered.forEach(worker -> tokenOf.put(worker.id(), worker.token()));
        // Tasks go only to popugs the task context already knows.
        while (count(db, "SELECT count(*) FROM task_assignees WHERE active AND role = 'WORKER'") < popugs) {
            if (seconds(start) > 60 + popugs / 20.0) {
                throw new IllegalStateException("the workers did not reach the task context in time");
            }
            Thread.sleep(50);
        }
        return String.format("%,d workers registered and logged in, and known to the task context, in %.0f s",
                popugs, seconds(start));
    }

    private String token(String username, String password) throws Exception {
        return send(http, "POST", "/api/auth/token", null, Map.of("username", username, "password", password), 200)
                .get("token").asText();
    }

    private JsonNode send(HttpClient client, String method, String path, String token, Object body, int expected)
            throws Exception {
        HttpResponse<String> response = client.send(request(method, path, token, body), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return json.readTree(response.body());
    }

    private HttpRequest request(String method, String path, String token, Object body) throws Exception {
        return app.request(method, path, token, body == null ? null : json.writeValueAsBytes(body));
    }

    // --- what it ran on ------------------------------------------------------------------------------------------

    private void jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                Long.toString(app.pid())));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        if (jcmd.waitFor() != 0) {
            throw new IllegalStateException("jcmd " + String.join(" ", command) + " failed: " + output);
        }
    }

    private static String postgresSettings(Connection db) throws SQLException {
        List<String> settings = new ArrayList<>();
        for (String name : List.of("shared_buffers", "synchronous_commit", "fsync", "wal_level", "max_connections")) {
            settings.add(name + "=" + setting(db, name));
        }
        return String.join(", ", settings);
    }

    private static String setting(Connection db, String name) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery("SHOW " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (ResultSet rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The app's resident set (from /proc) and heap in use (from jstat, which reads the JVM's shared performance
     * counters and costs the app nothing), every second.
     */
    private final class MemorySampler {
        private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        private volatile long maxRss;
        private volatile long maxRssInClosedLoop;
        private volatile boolean inClosedLoop;
        private volatile double maxHeap;

        void start() {
            timer.scheduleAtFixedRate(() -> {
                try {
                    sample();
                } catch (Exception unreadable) {
                    System.err.println("memory sample failed: " + unreadable);
                }
            }, 0, 1, TimeUnit.SECONDS);
        }

        private void sample() throws Exception {
            long rss = residentBytes();
            maxRss = Math.max(maxRss, rss);
            if (inClosedLoop) {
                maxRssInClosedLoop = Math.max(maxRssInClosedLoop, rss);
            }
            maxHeap = Math.max(maxHeap, heapBytes());
        }

        /** The memory limit is for the closed loop; the open loop's highest rates may go beyond. */
        void closedLoop(boolean running) {
            inClosedLoop = running;
        }

        void stop() {
            timer.shutdownNow();
        }

        String summary() {
            return String.format("app memory: resident set at most %.0f MiB in the closed loop, %.0f MiB in the whole run;"
                    + " heap in use at most %.0f MiB", maxRssInClosedLoop / 1048576.0, maxRss / 1048576.0, maxHeap / 1048576.0);
        }

        /** Survivor, eden and old generation in use ({@code jstat -gc}: S0U S1U EU OU, in KiB). */
        private double heapBytes() throws Exception {
            Process jstat = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jstat").toString(),
                    "-gc", Long.toString(app.pid())).redirectErrorStream(true).start();
            List<String> lines = new String(jstat.getInputStream().readAllBytes()).lines().toList();
            jstat.waitFor();
            List<String> names = Arrays.asList(lines.get(0).trim().split("\\s+"));
            String[] values = lines.get(1).trim().split("\\s+");
            double kib = 0;
            for (String used : List.of("S0U", "S1U", "EU", "OU")) {
                kib += Double.parseDouble(values[names.indexOf(used)]);
            }
            return kib * 1024;
        }

        private long residentBytes() throws Exception {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
            return 0;
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
