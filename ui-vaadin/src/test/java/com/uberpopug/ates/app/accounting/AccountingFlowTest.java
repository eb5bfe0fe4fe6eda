package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.GreenMailInbox;
import com.uberpopug.ates.app.TestPopugs;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Task events become money through Kafka: priced once, debited per assignment, credited at completion;
 * a replay of accounting's processor moves nothing again; closing the day pays the positive balance,
 * through the payments ledger and one e-mail over real SMTP, and carries a debt over. A context of its
 * own, so that who is eligible for tasks (and so who gets them) is known.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=accounting-flow")
class AccountingFlowTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void tasksBecomeMoneyOnceAndTheCloseOfTheDayPaysIt() throws Exception {
        // Bob takes one task and leaves (deactivated): only the fee, a debt that carries over.
        TestPopugs.Registered bob = TestPopugs.eligibleWorker(commands, postgres);
        CreatedTask bobsTask = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Guard the gate", null, ""));
        commands.sendAndWait(new DeactivatePopug(bob.id()));
        await().atMost(Duration.ofSeconds(30)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM task_assignees WHERE active", Long.class) == 1); // the admin is not eligible anyway
        // Ann, then the only one eligible, takes three tasks and completes them: rewards above fees.
        TestPopugs.Registered ann = TestPopugs.eligibleWorker(commands, postgres);
        List<CreatedTask> annsTasks = new java.util.ArrayList<>();
        for (String title : List.of("Carry seeds", "Sort feathers", "Count eggs")) {
            annsTasks.add(commands.sendAndWait(new CreateTask(UUID.randomUUID(), title, null, "")));
        }
        assertThat(bobsTask.assigneeId()).isEqualTo(bob.id());
        assertThat(annsTasks).extracting(CreatedTask::assigneeId).containsOnly(ann.id());
        for (CreatedTask task : annsTasks) {
            commands.sendAndWait(new CompleteTask(task.taskId(), ann.id()));
        }

        String annsAccount = AccountId.of(ann.id());
        String bobsAccount = AccountId.of(bob.id());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(events(annsAccount, "AccountDebited")).hasSize(3);
            assertThat(events(annsAccount, "AccountCredited")).hasSize(3);
            assertThat(events(bobsAccount, "AccountDebited")).hasSize(1);
        });
        // Every cent traces to a task's price: fees 10-20 $, rewards 20-40 $, each task priced once.
        long annsBalance = 0;
        for (CreatedTask task : annsTasks) {
            assertThat(price(task.taskId(), "fee")).isBetween(1_000L, 2_000L);
            assertThat(price(task.taskId(), "reward")).isBetween(2_000L, 4_000L);
            annsBalance += price(task.taskId(), "reward") - price(task.taskId(), "fee");
        }
        assertThat(sum(annsAccount, "AccountCredited") - sum(annsAccount, "AccountDebited")).isEqualTo(annsBalance);
        long bobsBalance = -price(bobsTask.taskId(), "fee");
        assertThat(-sum(bobsAccount, "AccountDebited")).isEqualTo(bobsBalance);

        // Kafka delivers everything again from the start: nothing is priced, debited or credited twice, and
        // nothing fails (an event that drew a second price would be parked, not booked).
        long accountingEvents = accountingEventCount();
        replay("accounting");
        assertThat(accountingEventCount()).isEqualTo(accountingEvents);
        assertThat(postgres.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'accounting'",
                Long.class)).isZero();
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, "price-" + bobsTask.taskId())).isEqualTo(1);

        LocalDate day = commands.sendAndWait(new CloseBusinessDay(null, "admin"));
        await().atMost(Duration.ofSeconds(60)).until(() -> !closed(day).isEmpty());

        // Ann is paid her balance once: the payout, the ledger's transfer, the confirmation, one e-mail.
        assertThat(annsBalance).as("rewards above fees (all three at 20 $ each is a 1 in 10^7 draw)").isPositive();
        assertThat(events(annsAccount, "PayoutIssued")).extracting(e -> e.get("amount")).containsExactly(annsBalance);
        long expectedAnnsBalance = annsBalance;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(events(annsAccount, "PayoutSent")).hasSize(1);
            assertThat(postgres.queryForObject("SELECT amount_cents FROM payments_ledger WHERE popug_id = ?",
                    Long.class, ann.id())).isEqualTo(expectedAnnsBalance);
            assertThat(GreenMailInbox.subjects(ann.username() + "@uberpopug.com"))
                    .containsExactly("aTES payout for " + day + ": " + new Money(expectedAnnsBalance).format());
        });
        // Bob's debt carries over, unpaid.
        assertThat(events(bobsAccount, "PayoutIssued")).isEmpty();
        assertThat(events(bobsAccount, "BalanceCarriedOver")).extracting(e -> e.get("balance")).containsExactly(bobsBalance);
        assertThat(closed(day)).singleElement().satisfies(close -> {
            assertThat(close.get("payouts")).isEqualTo(1L);
            assertThat(close.get("total")).isEqualTo(expectedAnnsBalance);
        });

        // Closing the same day again is refused, naming it: a client may retry a close safely.
        assertThatThrownBy(() -> commands.sendAndWait(new CloseBusinessDay(day, "admin")))
                .isInstanceOf(CommandRefusedException.class)
                .hasMessage("The business day " + day + " is already closed; the open day is " + day.plusDays(1) + ".");
    }

    private long sum(String aggregateId, String type) {
        return events(aggregateId, type).stream().mapToLong(e -> (Long) e.get("amount")).sum();
    }

    private void replay(String name) {
        StreamingEventProcessor processor = processing.eventProcessor(name, StreamingEventProcessor.class).orElseThrow();
        processor.shutDown();
        processor.resetTokens();
        processor.start();
        await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ofSeconds(1)).until(() ->
                !processor.processingStatus().isEmpty()
                        && processor.processingStatus().values().stream().allMatch(EventTrackerStatus::isCaughtUp));
    }

    private long accountingEventCount() {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE 'com.uberpopug.ates.api.accounting.%'",
                Long.class);
    }

    /** The payloads of one aggregate's events of a type, amounts in cents. */
    private List<Map<String, Object>> events(String aggregateId, String type) {
        return postgres.queryForList("""
                SELECT convert_from(payload, 'UTF8')::json -> 'amount' ->> 'cents' AS amount_text,
                       convert_from(payload, 'UTF8')::json -> 'balance' ->> 'cents' AS balance_text
                FROM domainevententry WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber""",
                aggregateId, "com.uberpopug.ates.api.accounting." + type).stream()
                .map(row -> {
                    Map<String, Object> values = new java.util.HashMap<>();
                    if (row.get("amount_text") != null) {
                        values.put("amount", Long.parseLong((String) row.get("amount_text")));
                    }
                    if (row.get("balance_text") != null) {
                        values.put("balance", Long.parseLong((String) row.get("balance_text")));
                    }
                    return values;
                }).toList();
    }

    private long price(UUID taskId, String part) {
        return Long.parseLong(postgres.queryForObject("SELECT convert_from(payload, 'UTF8')::json -> ? ->> 'cents' "
                + "FROM domainevententry WHERE aggregateidentifier = ?", String.class, part, "price-" + taskId));
    }

    private List<Map<String, Object>> closed(LocalDate day) {
        return postgres.queryForList("""
                SELECT (convert_from(payload, 'UTF8')::json ->> 'payouts')::bigint AS payouts,
                       (convert_from(payload, 'UTF8')::json -> 'total' ->> 'cents')::bigint AS total
                FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.accounting.BusinessDayClosed'
                  AND convert_from(payload, 'UTF8')::json ->> 'day' = ?""", day.toString());
    }
}
