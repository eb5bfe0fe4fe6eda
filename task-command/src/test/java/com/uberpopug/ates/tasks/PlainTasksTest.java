package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class PlainTasksTest {

    private final PlainTasks tasks = new PlainTasks();
    private final UUID taskId = UUID.randomUUID();

    @Test
    void anEmptyTaskForTheEventsToBeAppliedTo() {
        Task made = tasks.createAggregateRoot(taskId.toString(), new GenericDomainEventMessage<>("Task", taskId.toString(), 0,
                new TaskCreated(taskId, "Fix beak", null, "")));
        assertThat(made).isNotNull().usingRecursiveComparison().isEqualTo(new Task());
        assertThat(tasks.createAggregateRoot(taskId.toString(), new GenericDomainEventMessage<>("Task", taskId.toString(), 0,
                new TaskCreated(taskId, "Fix beak", null, "")))).isNotSameAs(made);
    }

    @Test
    void aSnapshotIsTheTaskItself() {
        Task snapshot = new Task();
        assertThat(tasks.createAggregateRoot(taskId.toString(),
                new GenericDomainEventMessage<>("Task", taskId.toString(), 4, snapshot))).isSameAs(snapshot);
    }
}
