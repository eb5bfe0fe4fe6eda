package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.app.AtesSpringTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.textfield.TextField;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._assertOne;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The task board as a user sees it. A context of its own, so the board starts empty. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=task-board-view")
class TaskBoardViewTest extends KaribuViewTest {

    @Autowired
    JdbcTemplate postgres;

    @Test
    void anonymousVisitorsAreSentToTheLogin() {
        UI.getCurrent().navigate(TaskBoardView.class);
        _assertOne(LoginForm.class);
        _assertNone(TaskBoardView.class);
    }

    @Test
    void aCreatedTaskAppearsOnTheBoardWithoutReload() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(TaskBoardView.class);
        TaskBoardView board = _get(TaskBoardView.class);
        // This context's board is empty unless another test of this class created a task first.
        boolean none = postgresTaskCount() == 0;
        assertThat(board.empty.isVisible()).as("empty state").isEqualTo(none);
        assertThat(board.empty.getText()).isEqualTo("No tasks yet. Create the first one above.");
        assertThat(board.grid.isVisible()).isEqualTo(!none);

        _setValue(_get(TextField.class, spec -> spec.withLabel("Title")), "Polish the perch");
        _setValue(_get(TextField.class, spec -> spec.withLabel("Jira id")), "UP-7");
        _click(_get(Button.class, spec -> spec.withText("Create task")));

        assertThat(_get(TextField.class, spec -> spec.withLabel("Title")).getValue()).as("form cleared").isEmpty();
        Grid<TaskSummary> grid = board.grid;
        // The board read model is fed through Kafka; the view refreshes itself when the projection reports it.
        // Polled on the test thread: Karibu's Vaadin session lives there.
        await().pollInSameThread().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            MockVaadin.clientRoundtrip();
            assertThat(grid.isVisible()).isTrue();
            assertThat(GridKt._findAll(grid)).extracting(TaskSummary::title).contains("Polish the perch");
        });
        assertThat(board.empty.isVisible()).isFalse();
    }

    @Test
    void aJiraIdInTheTitleIsShownBesideTheTitleAndNothingIsStored() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(TaskBoardView.class);
        long before = postgresTaskCount();

        TextField title = _get(TextField.class, spec -> spec.withLabel("Title"));
        _setValue(title, "[UP-42] Fix beak");
        _click(_get(Button.class, spec -> spec.withText("Create task")));

        assertThat(title.isInvalid()).isTrue();
        assertThat(title.getErrorMessage()).isEqualTo("Put the Jira id in the Jira id field, not in brackets in the title.");
        assertThat(title.getValue()).as("the input stays for correction").isEqualTo("[UP-42] Fix beak");
        assertThat(postgresTaskCount()).isEqualTo(before);
    }

    private long postgresTaskCount() {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE '%TaskCreated'",
                Long.class);
    }
}
