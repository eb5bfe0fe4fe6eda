package com.uberpopug.ates.app.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.uberpopug.ates.app.GreenMailInbox;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three instances of the packaged application on the same services share the work: commands arrive at all
 * three, the segments of every processor that runs in parallel are spread over more than one instance, and
 * one instance is killed (SIGKILL) in the middle of the load. The survivors take over its segments, and at the
 * end every task is on the board once, every assignment debited once, every completion credited once, the
 * close pays and mails each popug in the black once, and the event store, PostgreSQL's read models and
 * ClickHouse agree on the money.
 */
class ScaleOutIT {

    private static final int WORKERS = 24;
    private static final int TASKS = 600;
    private static final int CLIENTS = 6;
    private static final String PASSWORD = "scale-pass-1";
    /** The processors that run in several segments (ates.processors.segments, payments and mails: 4). */
    private static final List<String> PARALLEL = List.of("kafka-publisher", "task-assignees", "accounting", "task-board",
            "accounting-views", "analytics", "payments", "payout-mails");
    private static final int RACES = 20;
    private static final String EVENTS = "SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.";

    @Test
    void threeInstancesShareTheWorkAndLosingOneLosesNothing() throws Exception {
        Map<String, Object> properties = new HashMap<>(IsolatedServices.newNamespace());
        properties.put("ates.identity.password-strength", 4);
        properties.put("ates.processors.balance.every", "2s");
        Path jar = AppProcess.packagedJar();
        List<AppProcess> instances = new ArrayList<>();
        try (AppDatabase db = new AppDatabase(properties)) {
            for (String name : List.of("scale-out-a", "scale-out-b", "scale-out-c")) {
                instances.add(AppProcess.start(jar, properties, name));
            }
            AppProcess doomed = instances.get(2);
            List<AppApi> apis = instances.stream().map(AppApi::new).toList();
            String admin = apis.get(0).token("admin", IsolatedServices.ADMIN_PASSWORD);
            String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
            Map<String, String> usernames = new ConcurrentHashMap<>();
            for (int i = 0; i < WORKERS; i++) {
                String username = "scale-" + run + "-" + i;
                usernames.put(apis.get(i % 3).register(admin, username, "WORKER", PASSWORD), username);
            }
            db.awaitCount("SELECT count(*) FROM task_assignees WHERE active AND role = 'WORKER'", WORKERS);

            Map<String, String> tokens = new ConcurrentHashMap<>();
            completeAtOnceOnTwoInstances(apis.get(0), apis.get(1), admin, usernames, tokens);
            assertThat(db.count(EVENTS + "tasks.TaskCompleted'")).as("one completion per raced task").isEqualTo(RACES);
            System.out.printf("%d completions raced on two instances; conflicts sent again: %d%n", RACES,
                    conflictsSentAgain(instances.get(0)) + conflictsSentAgain(instances.get(1)));

            Map<String, Set<String>> ownersBefore = awaitSpread(db, doomed.pid());
            System.out.println("Owners of the segments before the load: " + ownersBefore);
            String listed = AppProcess.cli(properties, "processors").output();
            assertThat(listed.lines().filter(line -> line.startsWith("task-board ")).findFirst().orElseThrow())
                    .as("`ates processors` names the owner of each of the board's segments")
                    .containsPattern("0 \\d+@\\S+, 1 \\d+@\\S+");

            // Creations and completions through all three; a shuffle in the middle; the third instance killed
            // once a third of the tasks are made. A request that the dead instance did not answer goes to another.
            AtomicInteger made = new AtomicInteger();
            List<Integer> sentToTheDead = new CopyOnWriteArrayList<>();
            AtomicReference<Instant> killedAt = new AtomicReference<>();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
            try {
                List<Future<?>> load = new ArrayList<>();
                for (int i = 0; i < TASKS; i++) {
                    int number = i;
                    load.add(clients.submit(() -> {
                        if (made.incrementAndGet() == TASKS / 3) {
                            doomed.kill();
                            killedAt.set(Instant.now());
                        }
                        if (number == TASKS / 2) {
                            survivor(apis, killedAt, number).post("/api/tasks/shuffle", admin, null, 200);
                        }
                        JsonNode task = onAnyInstance(apis, killedAt, number, sentToTheDead,
                                api -> api.post("/api/tasks", admin, Map.of("title", "Scale task " + number, "description", ""), 201));
                        if (number % 3 != 0) {
                            String worker = usernames.get(task.get("assigneeId").asText());
                            String token = tokens.computeIfAbsent(worker, w -> apis.get(0).token(w, PASSWORD));
                            // Refused when the shuffle gave it to someone else meanwhile (403), or when the completion
                            // was stored by the killed instance, which died before it answered (409: done already).
                            onAnyInstance(apis, killedAt, number + 1, sentToTheDead,
                                    api -> api.post("/api/tasks/" + task.get("id").asText() + "/complete", token, null, 200, 403, 409));
                        }
                        return null;
                    }));
                }
                for (Future<?> each : load) {
                    each.get();
                }
            } finally {
                clients.shutdownNow();
            }

            // The survivors hold every segment the dead instance held.
            Duration takeOver = awaitNoClaimsOf(db, doomed.pid(), killedAt.get());
            System.out.printf("Killed %d after %d of %d tasks; its segments taken over %.1f s after the kill; "
                    + "%d requests sent to it unanswered and sent again elsewhere%n", doomed.pid(), TASKS / 3, TASKS,
                    takeOver.toMillis() / 1000.0, sentToTheDead.size());

            long created = db.count(EVENTS + "tasks.TaskCreated'");
            long assigned = db.count(EVENTS + "tasks.TaskAssigned'");
            long completed = db.count(EVENTS + "tasks.TaskCompleted'");
            assertThat(created).as("tasks stored").isGreaterThanOrEqualTo(TASKS);
            db.awaitCount("SELECT count(*) FROM task_board", created);
            db.awaitCount(EVENTS + "accounting.AccountDebited'", assigned);
            db.awaitCount(EVENTS + "accounting.AccountCredited'", completed);
            assertThat(db.count("""
                    SELECT count(DISTINCT convert_from(payload, 'UTF8')::json ->> 'causeEventId') FROM domainevententry
                    WHERE payloadtype = 'com.uberpopug.ates.api.accounting.AccountDebited'""")).as("each assignment debited once")
                    .isEqualTo(assigned);
            assertThat(db.count("""
                    SELECT count(DISTINCT convert_from(payload, 'UTF8')::json ->> 'causeEventId') FROM domainevententry
                    WHERE payloadtype = 'com.uberpopug.ates.api.accounting.AccountCredited'""")).as("each completion credited once")
                    .isEqualTo(completed);

            Map<UUID, Long> balances = db.balancesFromEvents();
            AppApi api = apis.get(0);
            long earned = -balances.values().stream().mapToLong(Long::longValue).sum();
            String day = api.closeDay(admin).get("day").asText();
            db.awaitCount(EVENTS + "accounting.BusinessDayClosed'", 1);

            long positive = balances.values().stream().filter(cents -> cents > 0).count();
            assertThat(positive).as("popugs in the black").isPositive();
            db.awaitCount(EVENTS + "accounting.PayoutSent'", positive);
            assertThat(db.count(EVENTS + "accounting.PayoutIssued'")).as("one payout per popug in the black").isEqualTo(positive);
            assertThat(db.count("SELECT count(*) FROM payments_ledger")).as("one transfer each").isEqualTo(positive);
            for (Map<String, Object> row : db.rows("""
                    SELECT (convert_from(payload, 'UTF8')::json ->> 'popugId') AS popug,
                           (convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents')::bigint AS cents
                    FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.PayoutIssued'""")) {
                UUID popug = UUID.fromString((String) row.get("popug"));
                assertThat(row.get("cents")).as("payout of " + popug).isEqualTo(balances.get(popug));
                awaitOneMail(usernames.get(popug.toString()) + "@uberpopug.com");
            }
            assertThat(db.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'"))
                    .as("the next close is scheduled once across the instances").isEqualTo(1);

            // The day's earnings: the event store (fees minus rewards), PostgreSQL's read model and ClickHouse agree.
            BigDecimal expected = BigDecimal.valueOf(earned, 2);
            Instant deadline = Instant.now().plusSeconds(60);
            BigDecimal inPostgres;
            BigDecimal inClickHouse;
            do {
                Thread.sleep(500);
                inPostgres = api.get("/api/accounting/earnings?from=" + day + "&to=" + day, admin).get(0).get("earnings").decimalValue();
                inClickHouse = api.get("/api/analytics/summary?day=" + day, admin).get("managementEarnings").decimalValue();
            } while ((inPostgres.compareTo(expected) != 0 || inClickHouse.compareTo(expected) != 0) && Instant.now().isBefore(deadline));
            assertThat(inPostgres).as("earnings in PostgreSQL").isEqualByComparingTo(expected);
            assertThat(inClickHouse).as("earnings in ClickHouse").isEqualByComparingTo(expected);
        } finally {
            for (AppProcess instance : instances) {
                instance.stop();
            }
        }
    }

    /**
     * Two instances complete one task at the same moment, {@value #RACES} times: each time one completion is
     * stored and the other is told the task is done, never that it changed meanwhile (a conflict the instance
     * sent again).
     */
    private static void completeAtOnceOnTwoInstances(AppApi one, AppApi other, String admin, Map<String, String> usernames,
                                                     Map<String, String> tokens) throws Exception {
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < RACES; round++) {
                JsonNode task = one.post("/api/tasks", admin, Map.of("title", "Race " + round, "description", ""), 201);
                String token = tokens.computeIfAbsent(usernames.get(task.get("assigneeId").asText()), w -> one.token(w, PASSWORD));
                String path = "/api/tasks/" + task.get("id").asText() + "/complete";
                CountDownLatch go = new CountDownLatch(1);
                List<Future<JsonNode>> answers = new ArrayList<>();
                for (AppApi instance : List.of(one, other)) {
                    answers.add(two.submit(() -> {
                        go.await();
                        return instance.post(path, token, null, 200, 409);
                    }));
                }
                go.countDown();
                List<String> outcomes = new ArrayList<>();
                for (Future<JsonNode> answer : answers) {
                    JsonNode body = answer.get();
                    outcomes.add(body.has("detail") ? body.get("detail").asText() : "completed");
                }
                assertThat(outcomes).as("round " + round).containsOnlyOnce("completed");
                assertThat(outcomes).as("round " + round).noneMatch(outcome -> outcome.contains("someone else"));
            }
        } finally {
            two.shutdownNow();
        }
    }

    private static long conflictsSentAgain(AppProcess instance) throws IOException {
        try (Stream<String> lines = Files.lines(instance.log())) {
            return lines.filter(line -> line.contains("conflicted with a change made at the same moment elsewhere")).count();
        }
    }

    /**
     * Waits until each parallel processor's segments are held by more than one instance, and the instance to be
     * killed holds some; the owners of each processor's segments.
     */
    private static Map<String, Set<String>> awaitSpread(AppDatabase db, long doomed) throws Exception {
        Instant deadline = Instant.now().plusSeconds(90);
        while (true) {
            Map<String, Set<String>> owners = new HashMap<>();
            for (Map<String, Object> row : db.rows("SELECT processorname, owner FROM tokenentry WHERE owner IS NOT NULL")) {
                owners.computeIfAbsent((String) row.get("processorname"), p -> new HashSet<>()).add((String) row.get("owner"));
            }
            boolean doomedHoldsSome = owners.values().stream().flatMap(Set::stream).anyMatch(owner -> owner.startsWith(doomed + "@"));
            if (doomedHoldsSome && PARALLEL.stream().allMatch(name -> owners.getOrDefault(name, Set.of()).size() > 1)) {
                return owners;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("segments not spread over the instances within 90 s: " + owners);
            }
            Thread.sleep(500);
        }
    }

    /** Waits until no segment is claimed by the killed process and every segment has an owner; the time since the kill. */
    private static Duration awaitNoClaimsOf(AppDatabase db, long pid, Instant killedAt) throws Exception {
        String dead = "owner LIKE '" + pid + "@%'";
        Instant deadline = Instant.now().plusSeconds(120);
        while (db.count("SELECT count(*) FROM tokenentry WHERE " + dead + " OR owner IS NULL") > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("segments still held by the killed instance or by nobody: "
                        + db.rows("SELECT processorname, segment, owner FROM tokenentry WHERE " + dead + " OR owner IS NULL"));
            }
            Thread.sleep(100);
        }
        return Duration.between(killedAt, Instant.now());
    }

    /** One of the three instances, round robin; after the kill only the two that live. */
    private static AppApi survivor(List<AppApi> apis, AtomicReference<Instant> killedAt, int number) {
        return apis.get(killedAt.get() == null ? number % 3 : number % 2);
    }

    private static JsonNode onAnyInstance(List<AppApi> apis, AtomicReference<Instant> killedAt, int number, List<Integer> sentToTheDead,
                                          java.util.function.Function<AppApi, JsonNode> call) {
        try {
            return call.apply(survivor(apis, killedAt, number));
        } catch (UncheckedIOException deadInstance) {
            sentToTheDead.add(number);
            return call.apply(apis.get(number % 2));
        }
    }

    private static void awaitOneMail(String address) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (GreenMailInbox.messageIds(address).isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail to " + address + " within 60 s");
            }
            Thread.sleep(250);
        }
        Thread.sleep(500); // time for a wrongly repeated mail to show
        assertThat(GreenMailInbox.messageIds(address)).as("mails to " + address).hasSize(1);
    }
}
