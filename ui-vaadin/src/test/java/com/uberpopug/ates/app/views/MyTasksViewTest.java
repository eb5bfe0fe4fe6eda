package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.vaadin.flow.component.UI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** "My tasks": a popug's own open tasks, live, with Done. */
@AtesSpringTest
class MyTasksViewTest extends KaribuViewTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate postgres;

    @Test
    void aPopugWithoutTasksSeesTheEmptyState() {
        TestPopugs.Registered worker = TestPopugs.register(commands, Role.WORKER);
        MyTasksView page = openAs(worker);
        assertThat(page.empty.isVisible()).isTrue();
        assertThat(page.empty.getText()).isEqualTo(MyTasksView.NO_TASKS);
        assertThat(page.grid.isVisible()).isFalse();
        assertThat(page.total.getText()).isEqualTo("0 open tasks");
    }

    @Test
    void aTaskGivenToMeAppearsWithoutReloadAndDoneTakesItOff() {
        TestPopugs.Registered worker = TestPopugs.eligibleWorker(commands, postgres);
        MyTasksView page = openAs(worker);

        // Created for whoever the draw picks, then moved to this worker the way a shuffle moves it.
        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Count the seeds", "UP-9", "All of them"));
        commands.sendAndWait(new ReassignTask(task.taskId(), worker.id()));

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(page.grid.isVisible()).isTrue();
            assertThat(GridKt._findAll(page.grid)).extracting(TaskSummary::id).containsExactly(task.taskId());
        });
        assertThat(page.total.getText()).isEqualTo("1 open task");

        page.complete(GridKt._get(page.grid, 0));

        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(page.empty.isVisible()).isTrue();
        });
        TaskSummary onBoard = queries.query(new FindTasks(null, worker.id(), null, 0, 10), TaskPage.class).join()
                .items().get(0);
        assertThat(onBoard.status()).isEqualTo(FindTasks.DONE);
        assertThat(onBoard.completedAt()).isNotNull();
    }

    @Test
    void someoneElsesTaskCannotBeCompletedFromAStaleList() {
        TestPopugs.Registered worker = TestPopugs.eligibleWorker(commands, postgres);
        TestPopugs.Registered other = TestPopugs.eligibleWorker(commands, postgres);
        CreatedTask task = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Guard the nest", null, ""));
        commands.sendAndWait(new ReassignTask(task.taskId(), worker.id()));
        MyTasksView page = openAs(worker);
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(GridKt._findAll(page.grid)).extracting(TaskSummary::id).contains(task.taskId());
        });
        TaskSummary shown = GridKt._findAll(page.grid).stream().filter(t -> t.id().equals(task.taskId())).findFirst()
                .orElseThrow(() -> new AssertionError("task not shown"));
        // Shuffled away while the list still shows it.
        commands.sendAndWait(new ReassignTask(task.taskId(), other.id()));

        page.complete(shown);

        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype LIKE '%TaskCompleted'", Long.class, task.taskId().toString())).isZero();
    }

    private MyTasksView openAs(TestPopugs.Registered popug) {
        login(popug.username(), Role.WORKER.name());
        UI.getCurrent().navigate(MyTasksView.class);
        return _get(MyTasksView.class);
    }
}
