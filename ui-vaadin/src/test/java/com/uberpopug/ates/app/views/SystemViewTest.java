package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.FailingBoardHandler;
import com.uberpopug.ates.app.InjectedFailures;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.messaging.processors.DeadLetters;
import com.uberpopug.ates.messaging.processors.ProcessorStatus;
import com.vaadin.flow.component.UI;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The admins' System page: processors with their lag, parked events, and retrying them after a fix. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=dead-letters")
@Import(InjectedFailures.class)
class SystemViewTest extends KaribuViewTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;

    @AfterEach
    void fixed() {
        FailingBoardHandler.broken.set(false);
    }

    @Test
    void adminsSeeEveryProcessorAndRetryParkedEventsAfterAFix() {
        TestPopugs.eligibleWorker(commands, postgres);
        FailingBoardHandler.broken.set(true);
        CreatedTask poison = commands.sendAndWait(new CreateTask(UUID.randomUUID(), "Poison tail " + UUID.randomUUID(), null, null));
        login("admin", Role.ADMIN.name());
        UI.getCurrent().navigate(SystemView.class);
        SystemView page = _get(SystemView.class);

        assertThat(rows(page.processors).stream().map(ProcessorStatus::name))
                .contains("kafka-publisher", "task-board", "accounting", "accounting-views", "analytics", "identity-accounts");
        await().atMost(Duration.ofSeconds(60)).pollInSameThread().untilAsserted(() -> {
            _click(page.refresh);
            assertThat(rows(page.letters).stream().filter(letter -> letter.aggregate().equals(poison.taskId().toString()))
                    .map(DeadLetters.Letter::eventType)).containsExactly("TaskCreated", "TaskAssigned");
        });
        assertThat(rows(page.letters).get(0).cause()).contains("cannot file Poison tail");
        assertThat(page.noLetters.isVisible()).isFalse();
        assertThat(rows(page.processors).stream().filter(status -> status.name().equals("task-board")).findFirst()
                .orElseThrow().deadLetters()).isGreaterThanOrEqualTo(2);

        FailingBoardHandler.broken.set(false);
        NotificationsKt.clearNotifications();
        page.retry("task-board");

        NotificationsKt.expectNotifications("Retried task-board: every parked event was handled.");
        assertThat(page.noLetters.isVisible()).isTrue();
        assertThat(page.letters.isVisible()).isFalse();
        assertThat(postgres.queryForObject("SELECT assignee_id FROM task_board WHERE task_id = ?", UUID.class,
                poison.taskId())).isEqualTo(poison.assigneeId());
    }

    private static <T> List<T> rows(com.vaadin.flow.component.grid.Grid<T> grid) {
        return IntStream.range(0, GridKt._size(grid)).mapToObj(row -> GridKt._get(grid, row)).toList();
    }
}
