package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.testsupport.ScratchDatabase;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The money movements of a processor batch reach the audit log, the balances and the day's earnings in one
 * statement at the batch's end ({@link AuditMovements}), and count exactly what handling the events one by one
 * counted: every new line once, a line seen before not at all. Against the real PostgreSQL, in a database of
 * this test's own built by the module's migrations.
 */
class AuditMovementsTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final Instant NOON = Instant.parse("2026-12-07T12:00:00.123456Z");
    private static final UUID KESHA = UUID.randomUUID();
    private static final UUID GOSHA = UUID.randomUUID();

    private final ScratchDatabase database = ScratchDatabase.create();
    private final JdbcTemplate postgres = database.jdbc();
    private AccountingProjection projection;

    @BeforeEach
    void freshViews() {
        Flyway.configure().dataSource(database.dataSource()).locations("classpath:db/migration").load().migrate();
        projection = new AccountingProjection(new NamedParameterJdbcTemplate(postgres), SimpleQueryUpdateEmitter.builder().build());
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void aBatchWritesItsLinesAtItsEndAndAddsThemUpPerPopugAndPerDay() {
        UUID task = UUID.randomUUID();
        UUID payout = UUID.randomUUID();
        UnitOfWork<?> batch = startBatch();
        projection.on(new AccountDebited(KESHA, Money.dollars(15), task, MONDAY, "assigned-1"), "debit-1", NOON);
        projection.on(new AccountCredited(KESHA, Money.dollars(30), task, MONDAY, "completed-1"), "credit-1", NOON.plusSeconds(5));
        projection.on(new AccountDebited(GOSHA, Money.dollars(12), UUID.randomUUID(), MONDAY, "assigned-2"), "debit-2", NOON);
        projection.on(new AccountDebited(GOSHA, Money.dollars(7), UUID.randomUUID(), TUESDAY, "assigned-3"), "debit-3", NOON);
        projection.on(new PayoutIssued(payout, KESHA, Money.dollars(15), MONDAY), "payout-1", NOON.plusSeconds(60));
        assertThat(postgres.queryForObject("SELECT count(*) FROM acc_audit_log", Long.class)).as("before the commit").isZero();

        batch.commit();

        assertThat(balances()).containsOnly(entry(KESHA, 0L), entry(GOSHA, -1900L));
        assertThat(earnings()).containsOnly(entry(MONDAY, "2700 fees, 3000 rewards"), entry(TUESDAY, "700 fees, 0 rewards"));
        assertThat(postgres.queryForMap("""
                SELECT popug_id, at, day, amount_cents, kind, task_id, payout_id, note FROM acc_audit_log
                WHERE event_id = 'credit-1'"""))
                .containsEntry("popug_id", KESHA).containsEntry("at", java.sql.Timestamp.from(NOON.plusSeconds(5)))
                .containsEntry("day", java.sql.Date.valueOf(MONDAY)).containsEntry("amount_cents", 3000L)
                .containsEntry("kind", "CREDIT").containsEntry("task_id", task).containsEntry("payout_id", null)
                .containsEntry("note", null);
        assertThat(postgres.queryForMap("SELECT amount_cents, kind, task_id, payout_id, note FROM acc_audit_log WHERE event_id = 'payout-1'"))
                .containsEntry("amount_cents", -1500L).containsEntry("kind", "PAYOUT").containsEntry("task_id", null)
                .containsEntry("payout_id", payout).containsEntry("note", "Payout of the business day 2026-12-07");
    }

    @Test
    void anEventDeliveredAgainInItsBatchOrInALaterOneCountsOnce() {
        UUID task = UUID.randomUUID();
        UnitOfWork<?> first = startBatch();
        projection.on(new AccountDebited(KESHA, Money.dollars(15), task, MONDAY, "assigned-1"), "debit-1", NOON);
        projection.on(new AccountDebited(KESHA, Money.dollars(15), task, MONDAY, "assigned-1"), "debit-1", NOON);
        first.commit();
        UnitOfWork<?> second = startBatch();
        projection.on(new AccountDebited(KESHA, Money.dollars(15), task, MONDAY, "assigned-1"), "debit-1", NOON);
        projection.on(new AccountCredited(KESHA, Money.dollars(30), task, MONDAY, "completed-1"), "credit-1", NOON);
        second.commit();

        assertThat(balances()).containsOnly(entry(KESHA, 1500L));
        assertThat(earnings()).containsOnly(entry(MONDAY, "1500 fees, 3000 rewards"));
        assertThat(postgres.queryForObject("SELECT count(*) FROM acc_audit_log", Long.class)).isEqualTo(2);
    }

    @Test
    void aCloseOfTenThousandPopugsInBatchesOfAThousand() {
        for (int batchStart = 0; batchStart < 10_000; batchStart += 1_000) {
            UnitOfWork<?> batch = startBatch();
            for (int popug = batchStart; popug < batchStart + 1_000; popug++) {
                projection.on(new PayoutIssued(UUID.randomUUID(), new UUID(0, popug), Money.dollars(3), MONDAY),
                        "payout-" + popug, NOON);
            }
            batch.commit();
        }

        assertThat(postgres.queryForMap("SELECT count(*) AS popugs, sum(balance_cents) AS total FROM acc_balances"))
                .containsEntry("popugs", 10_000L).containsEntry("total", new BigDecimal(-3_000_000));
        assertThat(postgres.queryForObject("SELECT count(*) FROM acc_audit_log", Long.class)).isEqualTo(10_000);
        assertThat(earnings()).containsOnly(entry(MONDAY, "0 fees, 0 rewards"));
    }

    @Test
    void outsideABatchAMovementIsWrittenAtOnce() {
        projection.on(new AccountDebited(KESHA, Money.dollars(15), UUID.randomUUID(), MONDAY, "assigned-1"), "debit-1", NOON);

        assertThat(balances()).containsOnly(entry(KESHA, -1500L));
        assertThat(earnings()).containsOnly(entry(MONDAY, "1500 fees, 0 rewards"));
    }

    private static UnitOfWork<?> startBatch() {
        return DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("batch"));
    }

    private Map<UUID, Long> balances() {
        return postgres.query("SELECT popug_id, balance_cents FROM acc_balances", rs -> {
            Map<UUID, Long> balances = new HashMap<>();
            while (rs.next()) {
                balances.put(rs.getObject("popug_id", UUID.class), rs.getLong("balance_cents"));
            }
            return balances;
        });
    }

    private Map<LocalDate, String> earnings() {
        return postgres.query("SELECT day, fees_cents, rewards_cents FROM acc_earnings", rs -> {
            Map<LocalDate, String> earnings = new HashMap<>();
            while (rs.next()) {
                earnings.put(rs.getObject("day", LocalDate.class),
                        rs.getLong("fees_cents") + " fees, " + rs.getLong("rewards_cents") + " rewards");
            }
            return earnings;
        });
    }
}
