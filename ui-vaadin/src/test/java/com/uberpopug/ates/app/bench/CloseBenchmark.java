package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.testsupport.Machine;
import com.uberpopug.ates.api.accounting.ClosableDays;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.FindClosableDays;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.accounting.DayClose;
import com.uberpopug.ates.messaging.processors.ProcessorMonitor;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily close at company size: POPUGS accounts (10,000 by default), about half with a positive balance
 * and half with a negative one, closed; timed from the command to the day reported closed, to the last
 * transfer and to the last payout mail. Baseline in the same run: as many single-row PostgreSQL
 * transactions, from as many threads as the close settles with.
 *
 * <p>Set-up, not timed: the popugs are registered through the real command (BCrypt at its lowest cost,
 * a benchmark property), their accounts opened by accounting from Kafka, and each account given one debit
 * and one credit through accounting's own commands (no tasks: the close reads balances only).
 *
 * <p>Run: {@code ./ates bench close} ({@code POPUGS=100000} for the larger company).
 */
@Tag("benchmark")
@AtesSpringTest
@TestPropertySource(properties = {"ates.test.context=close-benchmark", "ates.identity.password-strength=4"})
class CloseBenchmark {

    private static final int SETUP_THREADS = 8;

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    DayClose dayClose;
    @Autowired
    ProcessorMonitor processors;
    @Autowired
    JdbcTemplate postgres;
    @Value("${ates.bench.popugs:10000}")
    int popugs;
    @Value("${ates.accounting.close.parallelism}")
    int parallelism;

    @Test
    void closeOfACompany() throws Exception {
        LocalDate day = queries.query(new FindClosableDays(), ClosableDays.class).join().openDay();
        long start = System.nanoTime();
        List<UUID> ids = register();
        await("accounting knows every popug", () -> postgres.queryForObject(
                "SELECT least((SELECT count(*) FROM accounting_accounts), (SELECT count(*) FROM accounting_popugs))", Long.class), popugs);
        double registering = seconds(start);
        start = System.nanoTime();
        inParallel(ids, popug -> {
            long debit = ThreadLocalRandom.current().nextLong(100, 2_000);
            long credit = ThreadLocalRandom.current().nextBoolean() ? debit + ThreadLocalRandom.current().nextLong(1, 5_000) : debit / 2;
            commands.sendAndWait(new DebitAccount(popug, new Money(debit), UUID.randomUUID(), day, "bench-debit-" + popug));
            commands.sendAndWait(new CreditAccount(popug, new Money(credit), UUID.randomUUID(), day, "bench-credit-" + popug));
            return null;
        });
        double moving = seconds(start);
        awaitProcessorsCaughtUp();
        double baseline = singleRowTransactions();

        start = System.nanoTime();
        commands.sendAndWait(new CloseBusinessDay(day, "benchmark"));
        CloseProgress closed = awaitClosed(day);
        double toClosed = seconds(start);
        await("every payout transferred", () -> postgres.queryForObject("SELECT count(*) FROM payments_ledger", Long.class), closed.payouts());
        double toTransferred = seconds(start);
        await("every payout mailed", () -> postgres.queryForObject("SELECT count(*) FROM accounting_payout_mails", Long.class), closed.payouts());
        double toMailed = seconds(start);

        assertThat(closed.settled()).isEqualTo(closed.accounts()).isGreaterThanOrEqualTo(popugs);
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class,
                "com.uberpopug.ates.api.accounting.PayoutIssued")).as("one payout per popug in the black").isEqualTo(closed.payouts());
        assertThat(closed.payouts()).as("about half are in the black").isBetween(popugs / 3, popugs * 2 / 3 + 10);

        System.out.println(String.join("\n",
                "",
                "=== Daily close benchmark ===",
                "machine:  " + Machine.describe(),
                String.format("set-up:   %,d popugs registered in %.1f s; a debit and a credit each in %.1f s (not timed below)",
                        popugs, registering, moving),
                String.format("baseline: %,d single-row PostgreSQL transactions, %d threads: %.1f s = %,.0f tx/s",
                        closed.accounts(), parallelism, baseline, closed.accounts() / baseline),
                String.format("RESULT:   close of %,d accounts (%d settling at once): day closed after %.1f s = %,.0f accounts/s",
                        closed.accounts(), parallelism, toClosed, closed.accounts() / toClosed),
                String.format("          %,d payouts (%s): last transfer after %.1f s, last mail after %.1f s",
                        closed.payouts(), closed.total().format(), toTransferred, toMailed),
                ""));
    }

    private List<UUID> register() throws Exception {
        List<UUID> ids = new ArrayList<>(popugs);
        for (int i = 0; i < popugs; i++) {
            ids.add(UUID.randomUUID());
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        Map<UUID, Integer> numbers = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            numbers.put(ids.get(i), i);
        }
        inParallel(ids, id -> {
            String username = "cb-" + run + "-" + numbers.get(id);
            return commands.sendAndWait(new RegisterPopug(id, username, "Close Bench " + username, username + "@bench.uberpopug.local",
                    Role.WORKER, "Bench-" + id));
        });
        return ids;
    }

    private CloseProgress awaitClosed(LocalDate day) throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (true) {
            Optional<CloseProgress> progress = dayClose.progressOf(day);
            if (progress.isPresent() && progress.get().finished()) {
                return progress.get();
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the close did not end within an hour: " + progress);
            }
            Thread.sleep(50);
        }
    }

    /** The baseline: one INSERT per transaction, from as many threads as settle accounts. */
    private double singleRowTransactions() throws Exception {
        postgres.execute("CREATE TABLE IF NOT EXISTS bench_single_rows (id UUID PRIMARY KEY, day DATE NOT NULL, cents BIGINT NOT NULL)");
        List<UUID> rows = new ArrayList<>();
        for (int i = 0; i < popugs; i++) {
            rows.add(UUID.randomUUID());
        }
        long start = System.nanoTime();
        ExecutorService threads = Executors.newFixedThreadPool(parallelism);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (UUID row : rows) {
                sent.add(threads.submit(() -> postgres.update("INSERT INTO bench_single_rows VALUES (?, current_date, 1)", row)));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
        return seconds(start);
    }

    private void awaitProcessorsCaughtUp() throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        while (!processors.behind().isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the processors did not catch up within an hour: " + processors.behind());
            }
            Thread.sleep(1000);
        }
    }

    private <T> void inParallel(List<UUID> ids, ThrowingFunction<T> action) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(SETUP_THREADS);
        try {
            List<Future<T>> sent = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                Callable<T> call = () -> action.apply(id);
                sent.add(threads.submit(call));
            }
            for (Future<T> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private static void await(String what, LongSupplier count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 3_600_000_000_000L;
        long seen;
        while ((seen = count.getAsLong()) < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("waited an hour for " + what + ": " + seen + " of " + expected);
            }
            Thread.sleep(50);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    @FunctionalInterface
    private interface ThrowingFunction<T> {
        T apply(UUID id) throws Exception;
    }
}
