package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;

import java.util.Locale;
import java.util.UUID;

/**
 * "My tasks": the logged-in popug's open tasks, each with a Done button. New assignments (a new task,
 * a shuffle) appear without reloading; tasks shuffled away disappear.
 */
@Route("my-tasks")
@PageTitle("My tasks | aTES")
@PermitAll
public class MyTasksView extends VerticalLayout {

    static final String NO_TASKS = "No open tasks right now. New ones appear here as soon as they are given to you.";

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final UUID me;

    final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    final Span empty = new Span(NO_TASKS);
    final Span total = new Span();

    public MyTasksView(CommandGateway commands, QueryGateway queries, CurrentPopug currentPopug) {
        this.commands = commands;
        this.queries = queries;
        this.me = currentPopug.profile().id();
        setSizeFull();

        grid.addColumn(TaskSummary::title).setHeader("Title").setFlexGrow(2);
        grid.addColumn(TaskSummary::jiraId).setHeader("Jira id");
        grid.addColumn(TaskSummary::description).setHeader("Description").setFlexGrow(3);
        grid.addComponentColumn(this::doneButton).setHeader("");
        grid.setItems(query -> page(query.getOffset(), query.getLimit()).items().stream(), query -> (int) count());
        grid.setSizeFull();

        add(new H3("My tasks"), total, empty, grid);
        showEmptyState();
        LiveUpdates.followTasks(this, queries, this::refresh);
    }

    private Component doneButton(TaskSummary task) {
        Button done = new Button("Done", click -> complete(task));
        done.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        done.setAriaLabel("Done: " + task.title());
        return done;
    }

    void complete(TaskSummary task) {
        try {
            commands.sendAndWait(new CompleteTask(task.id(), me));
            Notices.success("Done: " + task.title());
        } catch (CommandRefusedException | CommandNotAllowedException refused) {
            // Shuffled away or completed elsewhere since the list was shown.
            Notices.error(refused.getMessage());
        }
        refresh();
    }

    private TaskPage page(int offset, int limit) {
        return queries.query(FindTasks.openTasksOf(me, offset, limit), TaskPage.class).join();
    }

    private long count() {
        return page(0, 0).total();
    }

    void refresh() {
        grid.getDataProvider().refreshAll();
        showEmptyState();
    }

    private void showEmptyState() {
        long open = count();
        empty.setVisible(open == 0);
        grid.setVisible(open > 0);
        total.setText(open == 1 ? "1 open task" : String.format(Locale.ENGLISH, "%,d open tasks", open));
    }
}
