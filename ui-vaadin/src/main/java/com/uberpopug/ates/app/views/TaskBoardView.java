package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskBoardChanged;
import com.uberpopug.ates.api.tasks.TaskFields;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

/**
 * The task board: every task, newest first, and a form for a new one. The grid pages lazily through
 * the board read model and refreshes itself when the projection reports a change (server push).
 */
@Route("")
@PageTitle("Tasks | aTES")
@PermitAll
public class TaskBoardView extends VerticalLayout {

    private static final DateTimeFormatter CREATED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMillis(250);

    private final CommandGateway commands;
    private final QueryGateway queries;

    final TextField title = new TextField("Title");
    final TextField jiraId = new TextField("Jira id");
    final TextArea description = new TextArea("Description");
    final Button create = new Button("Create task");
    final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    final Span empty = new Span("No tasks yet. Create the first one above.");

    private final FieldErrors errors = new FieldErrors(Map.of("title", title, "jiraId", jiraId, "description", description));

    private SubscriptionQueryResult<TaskPage, TaskBoardChanged> changes;

    public TaskBoardView(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
        setSizeFull();

        title.setMaxLength(TaskFields.TITLE_MAX);
        title.setWidth("24em");
        title.setPlaceholder("Fix the beak");
        jiraId.setPlaceholder("UP-42");
        jiraId.setHelperText("Optional");
        description.setMaxLength(TaskFields.DESCRIPTION_MAX);
        description.setWidth("24em");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createTask());
        HorizontalLayout form = new HorizontalLayout(title, jiraId, description, create);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(TaskSummary::title).setHeader("Title").setFlexGrow(3);
        grid.addColumn(TaskSummary::jiraId).setHeader("Jira id");
        grid.addColumn(TaskSummary::status).setHeader("Status");
        grid.addColumn(TaskSummary::assigneeName).setHeader("Assignee");
        grid.addColumn(task -> CREATED.format(task.createdAt())).setHeader("Created");
        grid.setItems(query -> page(query.getOffset(), query.getLimit()).items().stream(),
                query -> (int) count());
        grid.setSizeFull();

        add(new H3("Tasks"), form, empty, grid);
        showEmptyState();
    }

    private void createTask() {
        errors.clear();
        try {
            commands.sendAndWait(new CreateTask(UUID.randomUUID(), title.getValue(), jiraId.getValue(),
                    description.getValue()));
            Notification.show("Task created: " + title.getValue().strip(), 3000, Notification.Position.BOTTOM_START)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            title.clear();
            jiraId.clear();
            description.clear();
            title.focus();
        } catch (InvalidCommandException refused) {
            errors.show(refused.problems());
        }
    }

    private TaskPage page(int offset, int limit) {
        return queries.query(new FindTasks(null, null, null, offset, limit), TaskPage.class).join();
    }

    private long count() {
        return page(0, 0).total();
    }

    private void showEmptyState() {
        boolean none = count() == 0;
        empty.setVisible(none);
        grid.setVisible(!none);
    }

    /** Called when the board read model changed: the projection caught up with a task event. */
    void refresh() {
        grid.getDataProvider().refreshAll();
        showEmptyState();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        UI ui = attach.getUI();
        changes = queries.subscriptionQuery(FindTasks.firstPage(0), TaskPage.class, TaskBoardChanged.class);
        // A burst of events refreshes the grid a few times a second, not once per event.
        changes.updates().sample(REFRESH_AT_MOST_EVERY).subscribe(change -> ui.access(this::refresh));
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        if (changes != null) {
            changes.cancel();
        }
    }
}
