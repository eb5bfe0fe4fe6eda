package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskAssignee;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.login.LoginForm;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task board as its users see it. A context of its own, so that the board starts empty. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=task-board-view")
class TaskBoardViewTest extends KaribuViewTest {

    @Autowired
    JdbcTemplate postgres;
    @Autowired
    CommandGateway commands;

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        UI.getCurrent().navigate(TaskBoardView.class);
        _assertOne(LoginForm.class);
        _assertNone(TaskBoardView.class);
    }

    @Test
    void aNewTaskAppearsOnTheBoardWithItsAssigneeWithoutReload() {
        TestPopugs.eligibleWorker(commands, postgres);
        TaskBoardView board = openAs("admin", Role.ADMIN);
        // This context's board is empty unless another test of this class created a task first.
        boolean none = postgresTaskCount() == 0;
        assertThat(board.empty.isVisible()).as("empty state").isEqualTo(none);
        assertThat(board.grid.isVisible()).isEqualTo(!none);
        if (none) {
            assertThat(board.empty.getText()).isEqualTo(TaskBoardView.NO_TASKS);
        }

        _click(board.newTask);
        NewTaskDialog dialog = _get(NewTaskDialog.class);
        _setValue(dialog.title, "Polish the perch");
        _setValue(dialog.jiraId, "UP-7");
        _click(dialog.create);

        _assertNone(NewTaskDialog.class);
        // The board read model is fed through Kafka; the view refreshes itself when the projection reports it.
        // Polled on the test thread: Karibu's Vaadin session lives there.
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(board.grid.isVisible()).isTrue();
            assertThat(GridKt._findAll(board.grid)).filteredOn(task -> task.title().equals("Polish the perch"))
                    .singleElement().satisfies(task -> {
                        assertThat(task.jiraId()).isEqualTo("UP-7");
                        assertThat(task.status()).isEqualTo(FindTasks.OPEN);
                        assertThat(task.assigneeId()).isNotNull();
                        assertThat(task.assigneeName()).isEqualTo("Test " + postgres.queryForObject(
                                "SELECT username FROM task_assignees WHERE popug_id = ?", String.class, task.assigneeId()));
                    });
        });
        assertThat(board.empty.isVisible()).isFalse();
    }

    @Test
    void aJiraIdInTheTitleIsShownBesideTheTitleAndNothingIsStored() {
        TaskBoardView board = openAs("admin", Role.ADMIN);
        long before = postgresTaskCount();

        _click(board.newTask);
        NewTaskDialog dialog = _get(NewTaskDialog.class);
        _setValue(dialog.title, "[UP-42] Fix beak");
        _click(dialog.create);

        assertThat(dialog.title.isInvalid()).isTrue();
        assertThat(dialog.title.getErrorMessage()).isEqualTo("Put the Jira id in the Jira id field, not in brackets in the title.");
        assertThat(dialog.title.getValue()).as("the input stays for correction").isEqualTo("[UP-42] Fix beak");
        assertThat(dialog.isOpened()).isTrue();
        assertThat(postgresTaskCount()).isEqualTo(before);
    }

    @Test
    void aControlCharacterIsShownBesideItsFieldInTheDialogAndInTheSearch() {
        TestPopugs.eligibleWorker(commands, postgres);
        TaskBoardView board = openAs("admin", Role.ADMIN);
        long before = postgresTaskCount();

        _click(board.newTask);
        NewTaskDialog dialog = _get(NewTaskDialog.class);
        _setValue(dialog.title, "Fix\u0000beak");
        _setValue(dialog.description, "Steps:\n\t1. look");
        _click(dialog.create);

        assertThat(dialog.title.isInvalid()).isTrue();
        assertThat(dialog.title.getErrorMessage()).isEqualTo("Contains an invisible control character (U+0000); remove it.");
        assertThat(dialog.description.isInvalid()).as("line breaks and tabs are fine").isFalse();
        assertThat(postgresTaskCount()).isEqualTo(before);
        dialog.close();

        _setValue(board.text, "beak\u0000");
        assertThat(board.text.isInvalid()).isTrue();
        assertThat(board.text.getErrorMessage()).isEqualTo("Contains an invisible control character (U+0000); remove it.");
        assertThat(board.filter(0, 10).text()).as("left out of the search").isNull();
        _setValue(board.text, "beak");
        assertThat(board.text.isInvalid()).isFalse();
        assertThat(board.filter(0, 10).text()).isEqualTo("beak");
    }

    @Test
    void filtersByStatusAssigneeAndText() {
        TestPopugs.Registered worker = TestPopugs.eligibleWorker(commands, postgres);
        String word = "quill" + UUID.randomUUID().toString().substring(0, 6);
        CreatedTask open = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Sharpen the " + word, null, ""));
        CreatedTask done = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Wash the " + word, null, ""));
        commands.sendAndWait(new CompleteTask(done.taskId(), done.assigneeId()));
        TaskBoardView board = openAs("admin", Role.ADMIN);

        _setValue(board.text, word);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(GridKt._findAll(board.grid)).extracting(TaskSummary::title)
                    .containsExactlyInAnyOrder("Sharpen the " + word, "Wash the " + word);
            assertThat(GridKt._findAll(board.grid)).filteredOn(task -> task.id().equals(done.taskId()))
                    .extracting(TaskSummary::status).containsExactly(FindTasks.DONE);
        });

        _setValue(board.status, FindTasks.DONE);
        assertThat(GridKt._findAll(board.grid)).extracting(TaskSummary::id).containsExactly(done.taskId());
        _setValue(board.status, FindTasks.OPEN);
        assertThat(GridKt._findAll(board.grid)).extracting(TaskSummary::id).containsExactly(open.taskId());

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(board.assignee.getListDataView().getItems().map(TaskAssignee::popugId)).contains(worker.id());
        });
        TaskAssignee someoneElse = board.assignee.getListDataView().getItems()
                .filter(popug -> !popug.popugId().equals(open.assigneeId())).findFirst().orElseThrow();
        _setValue(board.assignee, someoneElse);
        assertThat(board.grid.isVisible()).isFalse();
        assertThat(board.empty.isVisible()).isTrue();
        assertThat(board.empty.getText()).isEqualTo(TaskBoardView.NO_MATCH);
    }

    @Test
    void onlyManagersAndAdminsSeeTheShuffleButton() {
        for (Role role : Role.values()) {
            TestPopugs.Registered popug = TestPopugs.register(commands, role);
            TaskBoardView board = openAs(popug.username(), role);
            assertThat(board.shuffle.isVisible()).as("shuffle for " + role)
                    .isEqualTo(role == Role.MANAGER || role == Role.ADMIN);
            // A new browser session for the next popug (navigating to the open route would keep this view).
            tearDownVaadin();
            setUpVaadin();
        }
    }

    @Test
    void theShuffleShowsItsResultWhenItEnds() {
        TestPopugs.eligibleWorker(commands, postgres);
        for (int i = 0; i < 3; i++) {
            commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Shuffled task " + i, null, ""));
        }
        TestPopugs.Registered manager = TestPopugs.register(commands, Role.MANAGER);
        TaskBoardView board = openAs(manager.username(), Role.MANAGER);
        long open = postgres.queryForObject("SELECT count(*) FROM task_open_tasks", Long.class);
        long shuffledBefore = shuffleAssignments();

        _click(board.shuffle.shuffle);
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));

        await().pollInSameThread().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(board.shuffle.status.getText()).isEqualTo(open + " tasks reshuffled");
        });
        assertThat(board.shuffle.shuffle.isEnabled()).isTrue();
        assertThat(board.shuffle.bar.isVisible()).isFalse();
        assertThat(shuffleAssignments() - shuffledBefore).as("one new assignment per open task").isEqualTo(open);
    }

    private TaskBoardView openAs(String username, Role role) {
        login(username, role.name());
        UI.getCurrent().navigate(TaskBoardView.class);
        return _get(TaskBoardView.class);
    }

    private long postgresTaskCount() {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%TaskCreated'",
                Long.class);
    }

    private long shuffleAssignments() {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%TaskAssigned' "
                + "AND convert_from(payload, 'UTF8') LIKE '%\"SHUFFLE\"%'", Long.class);
    }
}
