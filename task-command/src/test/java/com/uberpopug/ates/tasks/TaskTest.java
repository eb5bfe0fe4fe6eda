package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.uberpopug.ates.api.tasks.AssignmentReason.CREATED;
import static com.uberpopug.ates.api.tasks.AssignmentReason.SHUFFLE;
import static org.assertj.core.api.Assertions.assertThat;

/** Given-when-then specs of the task: every command, rule and refusal. */
class TaskTest {

    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000042");

    private static final UUID BIBA = UUID.fromString("00000000-0000-0000-0000-00000000b1ba");
    private static final UUID BOBA = UUID.fromString("00000000-0000-0000-0000-00000000b0ba");

    private FixtureConfiguration<Task> fixture;
    /** Who is eligible in these specs; the draw takes the popug at the index the fixed random source gives. */
    private final List<UUID> eligible = new ArrayList<>(List.of(BIBA, BOBA));

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Task.class);
        fixture.registerInjectableResource(new AssigneeDraw(() -> eligible, new FixedRandom(1)));
    }

    @Test
    void creatingATaskRecordsItsTitleJiraIdAndDescription() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", "UP-42", "The beak squeaks"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCreated(TASK, "Fix beak", "UP-42", "The beak squeaks"),
                        new TaskAssigned(TASK, BOBA, CREATED))
                .expectResultMessagePayload(new CreatedTask(TASK, BOBA));
    }

    @Test
    void aTaskWithoutJiraIdOrDescriptionIsFine() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "  Feed the parrots  ", " ", null))
                .expectEvents(new TaskCreated(TASK, "Feed the parrots", null, ""), new TaskAssigned(TASK, BOBA, CREATED));
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
    void controlCharactersAreRefusedInTitleAndDescriptionButLineBreaksAreFineInTheDescription() {
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "bad\u0000title", null, "also \u0000 bad"))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("title: Contains an invisible control character (U+0000); remove it.; "
                        + "description: Contains an invisible control character (U+0000); remove it (line breaks and tabs are fine).");
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", null, "Steps:\n\t1. look\r\n\t2. fix"))
                .expectEvents(new TaskCreated(TASK, "Fix beak", null, "Steps:\n\t1. look\r\n\t2. fix"),
                        new TaskAssigned(TASK, BOBA, CREATED));
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

    @Test
    void aNewTaskGoesToThePopugTheRandomSourceDraws() {
        eligible.clear();
        eligible.add(BIBA);
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", null, ""))
                .expectEvents(new TaskCreated(TASK, "Fix beak", null, ""), new TaskAssigned(TASK, BIBA, CREATED));
    }

    @Test
    void withNobodyEligibleTheTaskIsRefusedAndNothingIsStored() {
        eligible.clear();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "Fix beak", null, ""))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage(AssigneeDraw.NOBODY_ELIGIBLE);
    }

    @Test
    void invalidInputIsReportedBeforeAnyoneIsDrawn() {
        eligible.clear();
        fixture.givenNoPriorActivity()
                .when(new CreateTask(TASK, "", null, ""))
                .expectException(InvalidCommandException.class);
    }

    @Test
    void theAssigneeCompletesTheirTask() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED))
                .when(new CompleteTask(TASK, BIBA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskCompleted(TASK, BIBA));
    }

    @Test
    void afterAShuffleTheNewAssigneeCompletesIt() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED), new TaskAssigned(TASK, BOBA, SHUFFLE))
                .when(new CompleteTask(TASK, BOBA))
                .expectEvents(new TaskCompleted(TASK, BOBA));
    }

    @Test
    void nobodyButTheAssigneeCompletesATask() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED), new TaskAssigned(TASK, BOBA, SHUFFLE))
                .when(new CompleteTask(TASK, BIBA))
                .expectNoEvents()
                .expectException(CommandNotAllowedException.class)
                .expectExceptionMessage("Only the task's assignee can complete it.");
    }

    @Test
    void aCompletionWithoutPopugIsRefused() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED))
                .when(new CompleteTask(TASK, null))
                .expectNoEvents()
                .expectException(CommandNotAllowedException.class);
    }

    @Test
    void aDoneTaskIsNotCompletedTwice() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED), new TaskCompleted(TASK, BIBA))
                .when(new CompleteTask(TASK, BIBA))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The task is already done.");
    }

    @Test
    void aShuffleGivesAnOpenTaskItsDrawnAssigneeAsANewAssignment() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED))
                .when(new ReassignTask(TASK, BOBA))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new TaskAssigned(TASK, BOBA, SHUFFLE));
    }

    @Test
    void aShuffleMayLandATaskOnTheSamePopugAndThatIsStillANewAssignment() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED))
                .when(new ReassignTask(TASK, BIBA))
                .expectEvents(new TaskAssigned(TASK, BIBA, SHUFFLE));
    }

    @Test
    void aDoneTaskIsNeverReassigned() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED), new TaskCompleted(TASK, BIBA))
                .when(new ReassignTask(TASK, BOBA))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The task is done; a done task is never reassigned.");
    }

    @Test
    void aReassignmentNeedsAnAssignee() {
        fixture.given(created(), new TaskAssigned(TASK, BIBA, CREATED))
                .when(new ReassignTask(TASK, null))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("assigneeId: A task needs an assignee.");
    }

    private static TaskCreated created() {
        return new TaskCreated(TASK, "Fix beak", "UP-42", "");
    }
}
