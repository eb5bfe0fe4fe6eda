package com.uberpopug.ates.app.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.uberpopug.ates.app.GreenMailInbox;
import com.uberpopug.ates.app.packaged.AppApi;
import com.uberpopug.ates.app.packaged.AppDatabase;
import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kill-and-restart at the size of a company: the packaged app runs as a process of its own; 2,000 popugs
 * are registered and earn money (or not); the day is closed; the process is killed with SIGKILL while the
 * close is settling the accounts (some settled, most not); a new process is started on the same services.
 * The close must be finished by the new process, and every popug in the black paid exactly once, with one
 * transfer and one payout message each (a mail in flight at the kill may arrive twice as the same message).
 */
class CloseSurvivesACrashIT {

    private static final int WORKERS = 2_000;
    private static final int TASKS = 1_500;
    private static final int CLIENTS = 8;
    private static final String PASSWORD = "crash-pass-1";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void eachPopugIsPaidExactlyOnceWhenTheProcessDiesDuringTheClose() throws Exception {
        Map<String, Object> namespace = IsolatedServices.newNamespace();
        Path jar = AppProcess.packagedJar();
        String run = Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));

        // Thousands of registrations: BCrypt at its lowest cost (the default costs 50 ms a popug).
        Map<String, Object> properties = new HashMap<>(namespace);
        properties.put("ates.identity.password-strength", 4);
        AppProcess first = AppProcess.start(jar, properties, "crash-it-first");
        AppApi api = new AppApi(first);
        Map<String, String> tokens = new ConcurrentHashMap<>();
        String admin;
        try (AppDatabase db = new AppDatabase(namespace)) {
            admin = api.token("admin", IsolatedServices.ADMIN_PASSWORD);
            inParallel(WORKERS, i -> {
                String username = "crash-" + run + "-" + i;
                api.post("/api/popugs", admin, Map.of("username", username, "fullName", "Crash " + i,
                        "email", username + "@uberpopug.com", "role", "WORKER", "password", PASSWORD), 201);
            });
            db.awaitCount("SELECT count(*) FROM task_assignees WHERE active AND role = 'WORKER'", WORKERS);
            db.awaitCount("SELECT count(*) FROM accounting_accounts", WORKERS + 1); // and the admin's
            Map<UUID, String> usernames = new HashMap<>();
            for (Map<String, Object> row : db.rows("SELECT popug_id, username FROM identity_popugs")) {
                usernames.put((UUID) row.get("popug_id"), (String) row.get("username"));
            }
            // Two of three tasks are completed: some popugs end the day in the black, some below zero, most at zero.
            inParallel(TASKS, i -> {
                JsonNode task = api.post("/api/tasks", admin, Map.of("title", "Crash task " + i, "description", ""), 201);
                String assignee = usernames.get(UUID.fromString(task.get("assigneeId").asText()));
                if (i % 3 != 0) {
                    String token = tokens.computeIfAbsent(assignee, worker -> api.token(worker, PASSWORD));
                    api.post("/api/tasks/" + task.get("id").asText() + "/complete", token, null, 200);
                }
            });
            db.awaitCount("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.AccountCredited'",
                    TASKS - (TASKS + 2) / 3);
            db.awaitCount("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.AccountDebited'",
                    TASKS);
            Map<UUID, Long> balances = db.balancesFromEvents();

            // Close the day by hand, and kill the process while the close is settling the accounts: once a tenth
            // of them are settled.
            http.sendAsync(first.request("POST", "/api/accounting/close-day", admin, "{}".getBytes()),
                    HttpResponse.BodyHandlers.ofString());
            db.awaitCount("SELECT least(count(*), " + WORKERS / 10 + ") FROM accounting_settlements WHERE settled", WORKERS / 10);
            first.kill();
            long closedAtKill = db.count("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.BusinessDayClosed'");
            long settledAtKill = db.count("SELECT count(*) FROM accounting_settlements WHERE settled");
            long payoutsAtKill = db.count("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.PayoutIssued'");
            System.out.printf("Killed the app during the close: %d of %d accounts settled, %d payouts and %d day-closed events "
                    + "were stored at the kill%n", settledAtKill, WORKERS + 1, payoutsAtKill, closedAtKill);
            assertThat(closedAtKill).as("the kill came before the close was stored").isZero();
            assertThat(settledAtKill).as("the kill landed in the middle of the accounts").isLessThan(WORKERS / 2);

            AppProcess second = AppProcess.start(jar, properties, "crash-it-second");
            try {
                db.awaitCount("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.BusinessDayClosed'", 1);
                assertThat(db.count("SELECT count(*) FROM scheduled_tasks WHERE task_name = 'AxonDeadline'"))
                        .as("the next day's close is scheduled once, across the crash and the restart").isEqualTo(1);
                long positive = balances.values().stream().filter(cents -> cents > 0).count();
                assertThat(positive).as("popugs in the black").isGreaterThan(5);
                Map<UUID, List<Long>> payouts = new HashMap<>();
                Map<UUID, String> payoutIds = new HashMap<>();
                for (Map<String, Object> row : db.rows("""
                        SELECT (convert_from(payload, 'UTF8')::json ->> 'popugId')::uuid AS popug,
                               (convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents')::bigint AS amount,
                               convert_from(payload, 'UTF8')::json ->> 'payoutId' AS payout
                        FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.PayoutIssued'""")) {
                    payouts.computeIfAbsent((UUID) row.get("popug"), p -> new ArrayList<>()).add((Long) row.get("amount"));
                    payoutIds.put((UUID) row.get("popug"), (String) row.get("payout"));
                }
                for (Map.Entry<UUID, Long> balance : balances.entrySet()) {
                    if (balance.getValue() > 0) {
                        assertThat(payouts.get(balance.getKey())).as("payouts of " + balance.getKey())
                                .containsExactly(balance.getValue());
                    } else {
                        assertThat(payouts).as("no payout for a balance of " + balance.getValue()).doesNotContainKey(balance.getKey());
                    }
                }
                db.awaitCount("SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.PayoutSent'", positive);
                assertThat(db.count("SELECT count(*) FROM payments_ledger")).isEqualTo(positive);
                for (UUID paid : payouts.keySet()) {
                    String address = usernames.get(paid) + "@uberpopug.com";
                    awaitMails(address, 1);
                }
                assertThat(db.count("SELECT count(*) FROM accounting_settlements WHERE NOT settled")).as("accounts left").isZero();
                Thread.sleep(2_000); // time for a wrongly repeated mail to show
                // One message per payout. A mail the first process sent but had not marked when it was killed is
                // sent again by the second (SMTP cannot be asked what it received): the same message, with the
                // Message-ID of its payout, which mail systems show once. Any other mail would be a second message.
                int sentAgain = 0;
                for (UUID paid : payouts.keySet()) {
                    List<String> messages = GreenMailInbox.messageIds(usernames.get(paid) + "@uberpopug.com");
                    assertThat(new HashSet<>(messages)).as("messages to " + usernames.get(paid))
                            .containsExactly("<payout-" + payoutIds.get(paid) + "@ates.uberpopug>");
                    assertThat(messages).as("sent at most once by each process").hasSizeLessThanOrEqualTo(2);
                    sentAgain += messages.size() - 1;
                }
                System.out.printf("%d payout mails; %d of them sent again, as the same message, after the restart%n",
                        payouts.size(), sentAgain);
            } finally {
                second.stop();
            }
        }
    }

    /** Runs {@code step} for 0 … n−1 from {@link #CLIENTS} threads, as so many HTTP clients would. */
    private static void inParallel(int n, Step step) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int number = i;
                sent.add(clients.submit(() -> {
                    step.run(number);
                    return null;
                }));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(int number) throws Exception;
    }

    private void awaitMails(String address, int count) throws Exception {
        Instant deadline = Instant.now().plusSeconds(60);
        while (mailCount(address) < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("no mail to " + address + " within 60 s");
            }
            Thread.sleep(250);
        }
    }

    private static int mailCount(String address) throws Exception {
        return GreenMailInbox.subjects(address).size();
    }
}
