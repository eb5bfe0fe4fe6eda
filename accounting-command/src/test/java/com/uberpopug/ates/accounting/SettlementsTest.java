package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.FindCloseProgress;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The close's work list on the real PostgreSQL: planned once, each account taken by one worker, progress exact. */
class SettlementsTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 3);

    private final ScratchDatabase database = ScratchDatabase.create();
    /** A connection per transaction, as workers have: two transactions at once really lock against each other. */
    private final DataSource connections = new DriverManagerDataSource(database.url(), "ates", "ates");
    private final JdbcTemplate postgres = new JdbcTemplate(connections);
    private final Settlements settlements = new Settlements(postgres);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(connections));

    @BeforeEach
    void schema() {
        Flyway.configure().dataSource(connections).locations("classpath:db/migration").load().migrate();
        postgres.update("INSERT INTO accounting_business_days (day, closes_at, status) VALUES (?, now(), 'closing')", DAY);
        for (int i = 0; i < 3; i++) {
            postgres.update("INSERT INTO accounting_accounts (popug_id) VALUES (?)", UUID.randomUUID());
        }
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aCloseIsPlannedOnceWithEveryAccount() {
        settlements.plan(DAY, "trace-of-the-close");
        postgres.update("INSERT INTO accounting_accounts (popug_id) VALUES (?)", UUID.randomUUID());
        settlements.plan(DAY, "another-trace"); // the start of the close handled again (a redelivery)

        assertThat(progress()).isEqualTo(new CloseProgress(DAY, 3, 0, 0, Money.ZERO, 0, false));
        assertThat(settlements.traceOf(DAY)).as("the trace of the first plan").isEqualTo("trace-of-the-close");
        assertThat(settlements.nextToSettle()).contains(DAY);
        assertThat(settlements.progress(new FindCloseProgress(null))).as("the close running now").contains(progress());
        assertThat(settlements.progress(new FindCloseProgress(DAY.plusDays(1)))).as("never planned").isEmpty();
    }

    @Test
    void eachAccountIsTakenByOneWorkerAndCountedWithItsPayout() {
        settlements.plan(DAY, "trace-of-the-close");
        Set<UUID> taken = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            UUID popug = take().orElseThrow();
            assertThat(taken.add(popug)).as("taken once").isTrue();
            if (i == 0) {
                settlements.paidOut(DAY, popug, Money.dollars(7));
            }
        }
        assertThat(take()).as("nothing left").isEmpty();
        assertThat(progress()).isEqualTo(new CloseProgress(DAY, 3, 3, 1, Money.dollars(7), 0, false));

        postgres.update("UPDATE accounting_business_days SET status = 'closed' WHERE day = ?", DAY);
        assertThat(progress().finished()).isTrue();
        assertThat(settlements.nextToSettle()).as("a closed day is not settled again").isEmpty();
    }

    @Test
    void anAccountTakenByAnotherWorkerIsSkippedAndOneRolledBackIsTakenAgain() throws Exception {
        settlements.plan(DAY, "trace-of-the-close");
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Optional<UUID>> other = CompletableFuture.supplyAsync(() -> transaction.execute(status -> {
            Optional<UUID> popug = settlements.take(DAY);
            holding.countDown();
            await(release);
            status.setRollbackOnly(); // its settlement failed: the mark goes with the transaction
            return popug;
        }));
        assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

        Optional<UUID> mine = take();
        assertThat(mine).isPresent();
        release.countDown();
        UUID rolledBack = other.get(10, TimeUnit.SECONDS).orElseThrow();
        assertThat(mine.get()).as("not the one another worker holds").isNotEqualTo(rolledBack);

        settlements.failed(DAY, rolledBack, "Injected", Duration.ofHours(1));
        assertThat(progress().failing()).isEqualTo(1);
        UUID last = take().orElseThrow();
        assertThat(last).isNotIn(mine.get(), rolledBack);
        assertThat(take()).as("the failed one waits for its retry").isEmpty();

        postgres.update("UPDATE accounting_settlements SET retry_at = now() - interval '1 second' WHERE popug_id = ?", rolledBack);
        assertThat(take()).as("then it is taken again").contains(rolledBack);
        assertThat(progress()).isEqualTo(new CloseProgress(DAY, 3, 3, 0, Money.ZERO, 0, false));
    }

    private Optional<UUID> take() {
        return transaction.execute(status -> settlements.take(DAY));
    }

    private CloseProgress progress() {
        return settlements.progress(new FindCloseProgress(DAY)).orElseThrow();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
