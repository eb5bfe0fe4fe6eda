package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.analytics.ClickHouse;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestClock;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.app.accounting.DayClose;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replay gives the same answer: every read model (PostgreSQL and ClickHouse) is built from a known
 * stream (popugs, tasks, completions, a closed day with payouts), checksummed, rebuilt by replaying
 * each projection from Kafka and then from the event store, and checksummed again: identical. After
 * the event-store replay the projections carry on from Kafka with new events.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=replay")
class ReplayEquivalenceTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    TestClock clock;
    @Autowired
    ClickHouse clickHouse;
    @Autowired
    DayClose dayClose;
    @Autowired
    ProjectionReplay replay;
    @Autowired
    KnownProcessors known;
    @Autowired
    ProcessorMonitor monitor;
    @Autowired
    KafkaPositions kafka;

    @Test
    void everyProjectionRebuiltFromKafkaOrTheEventStoreEqualsTheOriginal() {
        knownStream();
        Map<String, String> original = ReadModelChecksums.of(postgres, clickHouse);
        assertThat(original.get("acc_payouts")).as("the stream has payouts").doesNotStartWith("0:");
        assertThat(original.get("clickhouse.balance_changes")).doesNotStartWith("0:");

        for (ProjectionReplay.Source source : ProjectionReplay.Source.values()) {
            damageEveryReadModel();
            assertThat(ReadModelChecksums.of(postgres, clickHouse)).as("damaged").isNotEqualTo(original);
            Map<String, Long> counts = new LinkedHashMap<>();
            Map<String, Long> streams = new LinkedHashMap<>();
            for (String processor : known.replayable()) {
                ProjectionReplay.Outcome outcome = replay.replay(processor, source, "test", ProjectionReplay.Progress.NONE);
                counts.put(processor, outcome.events());
                // From Kafka each processor reads only its own topics (the assignee replica: identity's few events).
                streams.put(processor, source == ProjectionReplay.Source.KAFKA
                        ? kafka.ends(known.topicsOf(processor)).values().stream().mapToLong(Long::longValue).sum()
                        : postgres.queryForObject("SELECT count(*) FROM domainevententry", Long.class));
            }
            awaitQuiet();
            assertThat(ReadModelChecksums.of(postgres, clickHouse)).as("read models after replaying from " + source)
                    .isEqualTo(original);
            assertThat(counts).as("events replayed").isEqualTo(streams).allSatisfy((processor, events) -> assertThat(events)
                    .isGreaterThanOrEqualTo(4));
            if (source == ProjectionReplay.Source.KAFKA) {
                assertThat(counts.get("task-assignees")).as("identity only").isLessThan(counts.get("task-board"));
                assertThat(counts.get("task-board")).as("tasks and identity").isLessThan(counts.get("analytics"));
            }
        }

        CreatedTask after = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "After the replay", "UP-9", null));
        await().atMost(Duration.ofSeconds(60)).until(() -> postgres.queryForObject(
                "SELECT count(*) FROM task_board WHERE task_id = ? AND assignee_id = ?", Long.class,
                after.taskId(), after.assigneeId()) == 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> clickHouse.jdbc().queryForObject(
                "SELECT count() FROM tasks FINAL WHERE task_id = ?", Long.class, after.taskId().toString()) == 1);
    }

    /** What a replay must repair: it clears each read model and builds it again from the stream. */
    private void damageEveryReadModel() {
        postgres.update("DELETE FROM task_board WHERE task_id IN (SELECT task_id FROM task_board LIMIT 3)");
        postgres.update("UPDATE acc_balances SET balance_cents = balance_cents + 1");
        postgres.update("DELETE FROM acc_audit_log WHERE event_id IN (SELECT event_id FROM acc_audit_log LIMIT 3)");
        postgres.update("UPDATE task_assignees SET username = 'someone-else'");
        clickHouse.jdbc().update("INSERT INTO tasks (task_id, title, jira_id, created_at, event_id) "
                + "VALUES ('not-a-task', 'Not a task', '', now(), 'not-an-event')");
    }

    /**
     * Three workers, 40 tasks all done (a reward is always above the fee: everyone with tasks ends in the
     * black), a closed day (payouts, mails), then 10 tasks more, 5 of them done.
     */
    private void knownStream() {
        for (int i = 0; i < 3; i++) {
            TestPopugs.eligibleWorker(commands, postgres);
        }
        work(40, 40);
        awaitQuiet(); // accounting has booked the day's money: the close pays it
        clock.letOpenDayBegin(postgres);
        assertThat(dayClose.closeAndWait(null, "test", Duration.ofMinutes(2), progress -> { }).finished()).as("closed").isTrue();
        work(10, 5);
        awaitQuiet();
    }

    private void work(int tasks, int done) {
        List<CreatedTask> created = new ArrayList<>();
        for (int i = 0; i < tasks; i++) {
            created.add(commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Known task " + i, "UP-" + (100 + i), null)));
        }
        for (CreatedTask task : created.subList(0, done)) {
            commands.sendAndWait(new CompleteTask(task.taskId(), task.assigneeId()));
        }
    }

    /** Every tracking processor has handled every event, twice in a row a second apart. */
    private void awaitQuiet() {
        int[] quietChecks = {0};
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<ProcessorStatus> behind = monitor.behind();
            quietChecks[0] = behind.isEmpty() ? quietChecks[0] + 1 : 0;
            assertThat(behind).as("processors behind").isEmpty();
            assertThat(quietChecks[0]).as("quiet checks in a row").isGreaterThanOrEqualTo(2);
        });
    }
}
