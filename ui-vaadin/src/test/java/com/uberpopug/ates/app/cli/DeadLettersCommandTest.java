package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.FailingBoardHandler;
import com.uberpopug.ates.app.InjectedFailures;
import com.uberpopug.ates.app.TestPopugs;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A poison event: the board's processor fails on one task's events, parks them (the creation, and the
 * assignment behind it) and goes on with the other tasks; after the fix, {@code dead-letters retry}
 * hands them to the board again and the task appears with its assignee. Also: list, evict, exit codes.
 */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=dead-letters")
@Import(InjectedFailures.class)
class DeadLettersCommandTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    @BeforeEach
    void worker() {
        TestPopugs.eligibleWorker(commands, postgres);
        FailingBoardHandler.broken.set(true);
    }

    @AfterEach
    void fixed() {
        FailingBoardHandler.broken.set(false);
    }

    @Test
    void aPoisonEventIsParkedAndHandledAgainAfterTheFix() {
        CreatedTask poison = create("Poison beak " + UUID.randomUUID());
        CreatedTask healthy = create("Healthy beak " + UUID.randomUUID());

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(assigneeOnBoard(healthy.taskId()))
                .as("the other task passes").isEqualTo(healthy.assigneeId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(lettersOf(poison.taskId()))
                .as("the creation and the assignment queued behind it")
                .containsExactly("TaskCreated", "TaskAssigned"));
        assertThat(assigneeOnBoard(poison.taskId())).as("its assignment waits").isNull();
        CliRun processors = new CliRun(context);
        assertThat(processors.ates("processors")).as("dead letters need an operator").isEqualTo(4);
        assertThat(processors.out.toString()).containsPattern("task-board\\s+kafka\\s+.*\\s[1-9]\\d*\\s");

        CliRun stillBroken = new CliRun(context);
        assertThat(stillBroken.ates("dead-letters", "retry", "--processor", "task-board")).isEqualTo(3);
        assertThat(lettersOf(poison.taskId())).containsExactly("TaskCreated", "TaskAssigned");

        FailingBoardHandler.broken.set(false);
        CliRun retry = new CliRun(context);
        int exit = retry.ates("dead-letters", "retry", "--processor", "task-board");

        assertThat(exit).isZero();
        // Other tests of this context may have left letters of their own: they are retried too.
        assertThat(retry.out.toString()).matches("Retried task-board: [1-9]\\d* aggregate\\(s\\) handled, 0 event\\(s\\) still parked\\R");
        assertThat(lettersOf(poison.taskId())).isEmpty();
        assertThat(assigneeOnBoard(poison.taskId())).isEqualTo(poison.assigneeId());
    }

    @Test
    void aParkedEventCanBeEvicted() {
        CreatedTask poison = create("Poison wing " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> lettersOf(poison.taskId()).size() == 2);
        String createdEventId = postgres.queryForObject("""
                SELECT eventidentifier FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0""",
                String.class, poison.taskId().toString());

        CliRun unknown = new CliRun(context);
        assertThat(unknown.ates("dead-letters", "evict", "--processor", "task-board", "--id", "no-such-letter")).isEqualTo(2);
        assertThat(unknown.err.toString()).startsWith("No dead letter no-such-letter in task-board.");

        CliRun evict = new CliRun(context);
        assertThat(evict.ates("dead-letters", "evict", "--processor", "task-board", "--id", createdEventId)).isZero();
        assertThat(lettersOf(poison.taskId())).containsExactly("TaskAssigned");

        CliRun list = new CliRun(context);
        assertThat(list.ates("dead-letters", "list", "--processor", "task-board")).isZero();
        assertThat(list.out.toString()).contains("TaskAssigned").doesNotContain(createdEventId);
    }

    /** A replay from the event store handles every event again: the parked ones are dropped, the reader leaves no token. */
    @Test
    void aReplayDropsTheLettersWhoseEventsItHandlesAgain() {
        CreatedTask poison = create("Poison tail " + UUID.randomUUID());
        await().atMost(Duration.ofSeconds(60)).until(() -> lettersOf(poison.taskId()).size() == 2);
        FailingBoardHandler.broken.set(false);

        CliRun replay = new CliRun(context);
        int exit = replay.ates("replay", "board", "--source", "event-store");

        assertThat(exit).as(replay.err.toString()).isZero();
        assertThat(replay.out.toString()).containsPattern("; [1-9]\\d* dead letters dropped \\(their events were handled again\\)");
        assertThat(postgres.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = 'task-board'",
                Long.class)).isZero();
        assertThat(assigneeOnBoard(poison.taskId())).isEqualTo(poison.assigneeId());
        assertThat(postgres.queryForList("SELECT processorname FROM tokenentry WHERE processorname LIKE 'replay-%'",
                String.class)).as("the replay's own reader is forgotten").isEmpty();
    }

    @Test
    void aProcessorWithoutAQueueIsNamedWithThoseThatHaveOne() {
        CliRun cli = new CliRun(context);
        assertThat(cli.ates("dead-letters", "list", "--processor", "kafka-publisher")).isEqualTo(3);
        assertThat(cli.err.toString()).startsWith("Processor 'kafka-publisher' has no dead-letter queue. Processors that have one: ")
                .contains("task-board", "analytics");
    }

    private CreatedTask create(String title) {
        return commands.sendAndWait(new CreateTask(UUID.randomUUID(), title, null, null));
    }

    private UUID assigneeOnBoard(UUID taskId) {
        List<UUID> assignees = postgres.queryForList("SELECT assignee_id FROM task_board WHERE task_id = ?", UUID.class, taskId);
        return assignees.isEmpty() ? null : assignees.get(0);
    }

    /** The payload types parked for this task in the board's queue, in queue order. */
    private List<String> lettersOf(UUID taskId) {
        return postgres.queryForList("""
                SELECT payloadtype FROM deadletterentry WHERE processinggroup = 'task-board' AND aggregateidentifier = ?
                ORDER BY sequenceindex""", String.class, taskId.toString())
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }
}
