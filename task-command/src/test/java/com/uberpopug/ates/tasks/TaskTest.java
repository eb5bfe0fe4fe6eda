package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class TaskTest {

    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private FixtureConfiguration<Task> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
    }

    @Test
    void creatingATaskRecordsItsTitleJiraIdAndDescription() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", "UP-42", "The beak squeaks"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreated(TASK, "Fix beak", "UP-42", "The beak squeaks"));
    }

    @Test
    void aTaskWithoutJiraIdOrDescriptionIsFine() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "  Feed the parrots  ", " ", null))
                .expectEvents(new TaskCreated(TASK, "Feed the parrots", null, ""));
    }

    @Test
    void aJiraIdInBracketsInTheTitleIsRefusedPointingAtTheJiraIdField() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "[UP-42] Fix beak", null, ""))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("title: Put the Jira id in the Jira id field, not in brackets in the title.");
    }

    @Test
    void anEmptyTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "   ", null, ""))
                .expectNoEvents()
                .expectExceptionMessage("title: A task needs a title.");
    }

    @Test
    void anOverlongTitleIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "x".repeat(201), null, ""))
                .expectNoEvents()
                .expectExceptionMessage("title: The title is longer than 200 characters.");
    }

    @Test
    void aMalformedJiraIdIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", "up 42", ""))
                .expectNoEvents()
                .expectExceptionMessage("jiraId: A Jira id looks like UP-42.");
    }

    @Test
    void anOverlongDescriptionIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", null, "d".repeat(4001)))
                .expectNoEvents()
                .expectExceptionMessage("description: The description is longer than 4000 characters.");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "", "nope", ""))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("title: A task needs a title.; jiraId: A Jira id looks like UP-42.");
    }

    @Test
    void aTaskNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(null, "Fix beak", null, ""))
                .expectNoEvents()
                .expectExceptionMessage("taskId: A task needs an id.");
    }

    @Test
    void problemsNameTheirFields() {
        InvalidCommandException refusal = new InvalidCommandException(
                com.uberpopug.ates.api.tasks.TaskFields.problems("[UP-1] x", "bad", null));
        assertThat(refusal.problems()).extracting("field").containsExactly("title", "jiraId");
    }
}
