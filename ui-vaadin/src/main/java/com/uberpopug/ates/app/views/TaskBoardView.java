package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.TextFields;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.ListTaskAssignees;
import com.uberpopug.ates.api.tasks.TaskAssignee;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The task board: every task, newest first, filtered by status, assignee and text. The grid pages
 * lazily through the board read model (a page at a time, however many tasks there are) and refreshes
 * itself when the projection reports a change. "New task" for everyone, Shuffle for managers and admins.
 * Prices never appear here.
 */
@Route("")
@PageTitle("Tasks | aTES")
@PermitAll
public class TaskBoardView extends VerticalLayout {

    static final String NO_TASKS = "No tasks yet. Create the first one with New task.";
    static final String NO_MATCH = "No task matches these filters.";

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final CommandGateway commands;
    private final QueryGateway queries;
    private List<TaskAssignee> assigneeChoices = List.of();
    private boolean reloadingAssignees;

    final Button newTask = new Button("New task");
    final ShuffleControl shuffle;
    final Select<String> status = new Select<>();
    final ComboBox<TaskAssignee> assignee = new ComboBox<>("Assignee");
    final TextField text = new TextField("Search");
    final Grid<TaskSummary> grid = new Grid<>(TaskSummary.class, false);
    final Span empty = new Span();
    final Span total = new Span();

    public TaskBoardView(CommandGateway commands, QueryGateway queries, CurrentPopug currentPopug) {
        this.commands = commands;
        this.queries = queries;
        setSizeFull();

        newTask.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newTask.addClickListener(click -> openNewTask());
        shuffle = new ShuffleControl(commands, queries, currentPopug.profile().username());
        shuffle.setVisible(currentPopug.hasAnyRole(Role.MANAGER, Role.ADMIN));
        HorizontalLayout actions = new HorizontalLayout(newTask, shuffle);
        actions.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);

        status.setLabel("Status");
        status.setItems(FindTasks.OPEN, FindTasks.DONE);
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption("All");
        status.setItemLabelGenerator(value -> value == null ? "All" : FindTasks.OPEN.equals(value) ? "Open" : "Done");
        status.addValueChangeListener(change -> refreshTasks());
        assignee.setItemLabelGenerator(popug -> popug.fullName() + " (" + popug.username() + ")");
        assignee.setClearButtonVisible(true);
        assignee.setPlaceholder("Anyone");
        assignee.addValueChangeListener(change -> {
            if (!reloadingAssignees) {
                refreshTasks();
            }
        });
        text.setPlaceholder("Title, Jira id or description");
        text.setClearButtonVisible(true);
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.addValueChangeListener(change -> {
            Optional<FieldProblem> unprintable = TextFields.singleLine("text", change.getValue());
            text.setInvalid(unprintable.isPresent());
            unprintable.ifPresent(problem -> text.setErrorMessage(problem.message()));
            refreshTasks();
        });
        HorizontalLayout filters = new HorizontalLayout(status, assignee, text, total);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);

        grid.addColumn(TaskSummary::title).setHeader("Title").setFlexGrow(3).setTooltipGenerator(TaskSummary::description);
        grid.addColumn(TaskSummary::jiraId).setHeader("Jira id");
        grid.addColumn(TaskSummary::status).setHeader("Status");
        grid.addColumn(task -> task.assigneeName() == null ? "…" : task.assigneeName()).setHeader("Assignee");
        grid.addColumn(task -> when(task.createdAt())).setHeader("Created");
        grid.addColumn(task -> when(task.completedAt())).setHeader("Done");
        grid.setItems(query -> queries.query(filter(query.getOffset(), query.getLimit()), TaskPage.class).join()
                .items().stream(), query -> (int) count());
        grid.setSizeFull();

        add(new H3("Tasks"), actions, filters, empty, grid);
        loadAssignees();
        showEmptyState();
        LiveUpdates.followTasks(this, queries, this::refresh);
    }

    private void openNewTask() {
        List<TaskAssignee> known = assignees();
        NewTaskDialog dialog = new NewTaskDialog(commands, popugId -> known.stream()
                .filter(popug -> popug.popugId().equals(popugId)).findFirst()
                .map(TaskAssignee::fullName).orElse("a popug"));
        dialog.open();
    }

    FindTasks filter(int offset, int limit) {
        TaskAssignee who = assignee.getValue();
        // Text no task can hold (a control character) is left out of the search; the field says why.
        String searched = text.isInvalid() ? null : text.getValue();
        return new FindTasks(status.getValue(), who == null ? null : who.popugId(), searched, offset, limit);
    }

    private long count() {
        return queries.query(filter(0, 0), TaskPage.class).join().total();
    }

    /** Called when the board read model changed: the projection took in task or popug events. */
    void refresh() {
        loadAssignees();
        refreshTasks();
    }

    private void refreshTasks() {
        grid.getDataProvider().refreshAll();
        showEmptyState();
    }

    private void showEmptyState() {
        long matching = count();
        boolean filtered = status.getValue() != null || assignee.getValue() != null || !text.getValue().isBlank();
        empty.setText(filtered ? NO_MATCH : NO_TASKS);
        empty.setVisible(matching == 0);
        grid.setVisible(matching > 0);
        total.setText(matching == 1 ? "1 task" : String.format(Locale.ENGLISH, "%,d tasks", matching));
    }

    /** The assignee filter offers the popugs the board knows; reloaded when a new one appears. */
    private void loadAssignees() {
        List<TaskAssignee> known = assignees();
        if (known.equals(assigneeChoices)) {
            return;
        }
        TaskAssignee chosen = assignee.getValue();
        assigneeChoices = known;
        reloadingAssignees = true;
        try {
            assignee.setItems(known);
            assignee.setValue(chosen != null && known.contains(chosen) ? chosen : null);
        } finally {
            reloadingAssignees = false;
        }
    }

    private List<TaskAssignee> assignees() {
        return queries.query(new ListTaskAssignees(), ResponseTypes.multipleInstancesOf(TaskAssignee.class)).join();
    }

    private static String when(Instant instant) {
        return instant == null ? "" : WHEN.format(instant);
    }
}
