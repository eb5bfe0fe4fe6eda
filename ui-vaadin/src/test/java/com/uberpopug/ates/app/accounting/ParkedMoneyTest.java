package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.analytics.ClickHouse;
import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.GreenMailInbox;
import com.uberpopug.ates.app.InjectedFailures;
import com.uberpopug.ates.app.TestClock;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.app.cli.CliRun;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Money whose handling failed (not an outage) is parked, and booked exactly once when an operator retries
 * the letter after the fix; a second retry books nothing. A payout whose confirmation failed after the
 * transfer is paid once, never returned and paid again; a payout mail that failed is sent once. A close
 * whose settlement of one account fails settles the others, and the day closes once that one is retried.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=dead-letters")
@Import(InjectedFailures.class)
class ParkedMoneyTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    ClickHouse clickHouse;
    @Autowired
    DayClose dayClose;
    @Autowired
    TestClock clock;

    @AfterEach
    void fixed() {
        InjectedFailures.fixAll();
    }

    @Test
    void aParkedDebitIsBookedExactlyOnceWhenItsLetterIsRetried() {
        TestPopugs.eligibleWorker(commands, postgres);
        UUID taskId = UUID.randomUUID();
        InjectedFailures.refusedTaskMoney.add(taskId);
        CreatedTask task = commands.sendAndWait(new CreateTask(taskId, "Refused fee " + taskId, null, null));

        await().atMost(Duration.ofSeconds(60)).until(() -> letters("accounting", taskId.toString()).equals(List.of("TaskAssigned")));
        assertThat(movements("AccountDebited", taskId)).as("the debit waits").isZero();

        InjectedFailures.refusedTaskMoney.remove(taskId);
        CliRun retried = new CliRun(context);
        assertThat(retried.ates("dead-letters", "retry", "--processor", "accounting")).as(retried.err.toString()).isZero();

        assertThat(letters("accounting", taskId.toString())).isEmpty();
        assertThat(movements("AccountDebited", taskId)).as("booked in the account").isEqualTo(1);
        long fee = postgres.queryForObject("SELECT fee_cents FROM accounting_task_prices WHERE task_id = ?", Long.class, taskId);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(postgres.queryForList("SELECT amount_cents FROM acc_audit_log WHERE task_id = ? AND popug_id = ?",
                    Long.class, taskId, task.assigneeId())).as("the audit log").containsExactly(-fee);
            assertThat(clickHouse.jdbc().queryForList("SELECT amount_cents FROM balance_changes FINAL WHERE task_id = ?",
                    Long.class, taskId.toString())).as("analytics").containsExactly(-fee);
        });

        CliRun again = new CliRun(context);
        assertThat(again.ates("dead-letters", "retry", "--processor", "accounting")).isZero();
        assertThat(again.out.toString()).startsWith("Retried accounting: 0 aggregate(s) handled");
        assertThat(movements("AccountDebited", taskId)).as("nothing booked twice").isEqualTo(1);
    }

    @Test
    void aPayoutWhoseConfirmationFailedAfterTheTransferIsPaidExactlyOnce() {
        TestPopugs.Registered popug = popugInTheBlack();
        InjectedFailures.refusedConfirmations.add(popug.id());
        String account = AccountId.of(popug.id());

        LocalDate day = clock.letOpenDayBegin(postgres);
        assertThat(dayClose.closeAndWait(day, "test", Duration.ofMinutes(2), progress -> { }).finished()).as("closed").isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> letters("payments", account).equals(List.of("PayoutIssued")));
        assertThat(transfersTo(popug.id())).as("the transfer went through").isEqualTo(1);
        assertThat(accountEvents(account, "PayoutFailed")).as("a failed confirmation is not a failed transfer").isZero();

        InjectedFailures.refusedConfirmations.remove(popug.id());
        CliRun retried = new CliRun(context);
        assertThat(retried.ates("dead-letters", "retry", "--processor", "payments")).as(retried.err.toString()).isZero();
        assertThat(accountEvents(account, "PayoutSent")).isEqualTo(1);
        assertThat(transfersTo(popug.id())).as("the retry found the transfer, it did not make another").isEqualTo(1);

        // The next close finds nothing to pay: the money was not given back to be paid again.
        LocalDate next = clock.letOpenDayBegin(postgres);
        assertThat(dayClose.closeAndWait(next, "test", Duration.ofMinutes(2), progress -> { }).finished()).as("closed").isTrue();
        assertThat(accountEvents(account, "PayoutIssued")).isEqualTo(1);
        assertThat(accountEvents(account, "PayoutFailed")).isZero();
        assertThat(transfersTo(popug.id())).isEqualTo(1);
    }

    @Test
    void aParkedPayoutMailIsSentExactlyOnceWhenItsLetterIsRetried() throws Exception {
        TestPopugs.Registered popug = popugInTheBlack();
        String address = popug.username() + "@uberpopug.com";
        InjectedFailures.refusedMails.add(address);
        String account = AccountId.of(popug.id());

        LocalDate day = clock.letOpenDayBegin(postgres);
        assertThat(dayClose.closeAndWait(day, "test", Duration.ofMinutes(2), progress -> { }).finished()).as("closed").isTrue();
        await().atMost(Duration.ofSeconds(60)).until(() -> letters("payout-mails", account).equals(List.of("PayoutIssued")));
        assertThat(GreenMailInbox.subjects(address)).isEmpty();

        InjectedFailures.refusedMails.remove(address);
        CliRun retried = new CliRun(context);
        assertThat(retried.ates("dead-letters", "retry", "--processor", "payout-mails")).as(retried.err.toString()).isZero();
        assertThat(GreenMailInbox.subjects(address)).hasSize(1);
        assertThat(new CliRun(context).ates("dead-letters", "retry", "--processor", "payout-mails")).isZero();
        assertThat(GreenMailInbox.subjects(address)).as("mailed once").hasSize(1);
    }

    @Test
    void aFailingSettlementHoldsTheDayClosingWhileEveryOtherAccountIsSettledAndIsTriedAgain() {
        TestPopugs.Registered refused = popugInTheBlack();
        TestPopugs.Registered other = popugInTheBlack();
        bothInTheBlack(refused, other);
        InjectedFailures.refusedSettlements.add(refused.id());

        LocalDate day = clock.letOpenDayBegin(postgres);
        CliRun close = new CliRun(context);
        assertThat(close.ates("close-day", "--wait", "PT3S")).as("not closed within the wait").isEqualTo(5);
        assertThat(close.err.toString()).contains("The close of " + day + " goes on:");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            CloseProgress progress = dayClose.progressOf(day).orElseThrow();
            assertThat(progress.failing()).as("failing").isEqualTo(1);
            assertThat(progress.settled()).as("settled: all but one").isEqualTo(progress.accounts() - 1);
            assertThat(progress.finished()).isFalse();
        });
        assertThat(accountEvents(AccountId.of(other.id()), "PayoutIssued")).as("the others are paid meanwhile").isEqualTo(1);
        assertThat(accountEvents(AccountId.of(refused.id()), "PayoutIssued")).isZero();
        assertThat(dayClosedEvents(day)).as("the day is not reported closed").isZero();

        InjectedFailures.refusedSettlements.remove(refused.id());
        await().atMost(Duration.ofSeconds(60)).until(() -> dayClose.progressOf(day).orElseThrow().finished());
        assertThat(accountEvents(AccountId.of(refused.id()), "PayoutIssued")).as("paid once, after the retry").isEqualTo(1);
        assertThat(accountEvents(AccountId.of(other.id()), "PayoutIssued")).as("not paid again").isEqualTo(1);
        assertThat(dayClosedEvents(day)).isEqualTo(1);
        CloseProgress closed = dayClose.progressOf(day).orElseThrow();
        assertThat(closed.failing()).isZero();
        assertThat(List.of((long) closed.payouts(), closed.total().cents())).as("the day's totals are its payouts")
                .isEqualTo(postgres.queryForObject("""
                        SELECT count(*), coalesce(sum((convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents')::bigint), 0)
                        FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.PayoutIssued'
                          AND convert_from(payload, 'UTF8')::json ->> 'day' = ?""",
                        (rs, row) -> List.of(rs.getLong(1), rs.getLong(2)), day.toString()));
    }

    /**
     * A worker whose balance is positive: given tasks (one fee each) and completing them (a reward of at
     * least the fee) until rewards are above fees; a fee equal to its reward leaves the balance where it was.
     */
    private TestPopugs.Registered popugInTheBlack() {
        TestPopugs.Registered popug = TestPopugs.eligibleWorker(commands, postgres);
        intoTheBlack(popug);
        return popug;
    }

    /**
     * Brings both into the black, and keeps them there: a task made for one goes first to a random popug, who
     * pays its fee, and that may be the other one.
     */
    private void bothInTheBlack(TestPopugs.Registered one, TestPopugs.Registered other) {
        for (int round = 1; balanceOf(AccountId.of(one.id())) <= 0 || balanceOf(AccountId.of(other.id())) <= 0; round++) {
            assertThat(round).as("rounds to bring both popugs into the black").isLessThanOrEqualTo(5);
            intoTheBlack(one);
            intoTheBlack(other);
        }
    }

    /** Each task's fees (to whom it went first, and to the popug) and reward are booked before the next. */
    private void intoTheBlack(TestPopugs.Registered popug) {
        String account = AccountId.of(popug.id());
        for (int round = 1; balanceOf(account) <= 0; round++) {
            assertThat(round).as("rounds to bring a popug into the black").isLessThanOrEqualTo(10);
            CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Earn seeds", null, null));
            int assignments = 1;
            if (!task.assigneeId().equals(popug.id())) {
                commands.sendAndWait(new ReassignTask(task.taskId(), popug.id()));
                assignments = 2;
            }
            commands.sendAndWait(new CompleteTask(task.taskId(), popug.id()));
            int debits = assignments;
            await().atMost(Duration.ofSeconds(60)).until(() -> movements("AccountCredited", task.taskId()) == 1
                    && movements("AccountDebited", task.taskId()) == debits);
        }
    }

    /** Credits minus debits of an account as the event store has them, in cents. */
    private long balanceOf(String account) {
        return postgres.queryForObject("""
                SELECT coalesce(sum(CASE WHEN payloadtype LIKE '%.AccountCredited' THEN 1 ELSE -1 END
                                    * (convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents')::bigint), 0)
                FROM domainevententry WHERE aggregateidentifier = ?
                  AND payloadtype IN ('com.uberpopug.ates.api.accounting.AccountCredited',
                                      'com.uberpopug.ates.api.accounting.AccountDebited')""", Long.class, account);
    }

    private long movements(String type, UUID taskId) {
        return postgres.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = ?
                  AND convert_from(payload, 'UTF8')::json ->> 'taskId' = ?""", Long.class,
                "com.uberpopug.ates.api.accounting." + type, taskId.toString());
    }

    private long accountEvents(String account, String type) {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ?",
                Long.class, account, "com.uberpopug.ates.api.accounting." + type);
    }

    private long dayClosedEvents(LocalDate day) {
        return postgres.queryForObject("""
                SELECT count(*) FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.BusinessDayClosed'
                  AND convert_from(payload, 'UTF8')::json ->> 'day' = ?""", Long.class, day.toString());
    }

    private long transfersTo(UUID popugId) {
        return postgres.queryForObject("SELECT count(*) FROM payments_ledger WHERE popug_id = ?", Long.class, popugId);
    }

    /** The payload types parked in a processor's queue for one aggregate, in queue order. */
    private List<String> letters(String processor, String aggregate) {
        return postgres.queryForList("""
                SELECT payloadtype FROM deadletterentry WHERE processinggroup = ? AND aggregateidentifier = ?
                ORDER BY sequenceindex""", String.class, processor, aggregate)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
