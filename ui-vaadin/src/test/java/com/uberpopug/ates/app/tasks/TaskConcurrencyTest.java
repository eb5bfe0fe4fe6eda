package com.uberpopug.ates.app.tasks;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.FindShuffle;
import com.uberpopug.ates.api.tasks.ShuffleProgress;
import com.uberpopug.ates.api.tasks.StartShuffle;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Commands on one task at the same moment: the event store's sequence numbers and the aggregate decide. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=tasks")
class TaskConcurrencyTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    EventStore eventStore;
    @Autowired
    TransactionManager transactions;

    @Test
    void twoCompletionsAtOnceMakeExactlyOneTaskCompleted() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        TaskEvents events = new TaskEvents(postgres);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Race " + round, null, ""));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<String>> outcomes = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    outcomes.add(threads.submit(() -> {
                        go.await();
                        try {
                            commands.sendAndWait(new CompleteTask(task.taskId(), task.assigneeId()));
                            return "completed";
                        } catch (CommandRefusedException alreadyDone) {
                            return "refused: " + alreadyDone.getMessage();
                        }
                    }));
                }
                go.countDown();
                List<String> results = new ArrayList<>();
                for (Future<String> outcome : outcomes) {
                    results.add(outcome.get());
                }
                assertThat(results).as("round " + round).containsOnlyOnce("completed")
                        .anySatisfy(result -> assertThat(result).startsWith("refused"));
                assertThat(events.count(task.taskId(), "TaskCompleted")).as("round " + round).isEqualTo(1);
            }
        } finally {
            threads.shutdownNow();
        }
    }

    /**
     * What another instance meets when it appends to a task at a sequence number this one took: a conflict (which
     * the command gateway sends again), not an unexpected failure. PostgreSQL's unique key is what refuses it.
     */
    @Test
    void anEventAtATakenSequenceNumberIsAConflict() {
        TestPopugs.eligibleWorker(commands, postgres);
        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Taken sequence", null, ""));
        UnitOfWork<?> elsewhere = DefaultUnitOfWork.startAndGet(null);
        elsewhere.attachTransaction(transactions);
        eventStore.publish(new GenericDomainEventMessage<>("Task", task.taskId().toString(), 1,
                new TaskCompleted(task.taskId(), task.assigneeId())));

        assertThatThrownBy(elsewhere::commit).isInstanceOf(ConcurrencyException.class);
    }

    @Test
    void tasksCompletedWhileAShuffleRunsKeepTheirAssignee() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        TestPopugs.eligibleWorker(commands, postgres);
        TaskEvents events = new TaskEvents(postgres);
        List<CreatedTask> tasks = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            tasks.add(commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Busy task " + i, null, "")));
        }

        UUID shuffleId = UUID.randomUUID();
        commands.sendAndWait(new StartShuffle(shuffleId, "test"));
        // Meanwhile the assignees complete tasks; each completion races the shuffle's reassignment.
        int completed = 0;
        for (CreatedTask task : tasks.subList(0, 50)) {
            UUID assignee = events.lastAssignees().get(task.taskId());
            try {
                commands.sendAndWait(new CompleteTask(task.taskId(), assignee));
                completed++;
            } catch (CommandNotAllowedException reassignedMeanwhile) {
                // The shuffle moved it to someone else first (at the same moment: the gateway sent it again).
            }
        }
        ShuffleProgress end = await().atMost(Duration.ofSeconds(120)).until(
                () -> queries.query(new FindShuffle(shuffleId), ShuffleProgress.class).join(), ShuffleProgress::finished);

        assertThat(end.failure()).isNull();
        assertThat(completed).isPositive();
        assertThat(events.assignedAfterDone()).as("no task was reassigned after it was done").isEmpty();
        assertThat(end.reassigned() + end.skipped()).isGreaterThanOrEqualTo(tasks.size() - completed);
    }
}
