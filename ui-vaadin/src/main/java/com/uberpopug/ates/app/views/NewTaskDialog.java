package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.TaskFields;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.axonframework.commandhandling.gateway.CommandGateway;

import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * "New task": title, Jira id, description. Refusals are shown beside their fields (or above the
 * buttons when no popug can take tasks) and the input stays for correction; nothing is stored then.
 */
final class NewTaskDialog extends Dialog {

    final TextField title = new TextField("Title");
    final TextField jiraId = new TextField("Jira id");
    final TextArea description = new TextArea("Description");
    final Button create = new Button("Create task");
    final Span refusal = new Span();

    private final CommandGateway commands;
    private final Function<UUID, String> nameOfPopug;
    private final FieldErrors errors = new FieldErrors(Map.of("title", title, "jiraId", jiraId, "description", description));

    /** @param nameOfPopug how the board names an assignee (for the confirmation) */
    NewTaskDialog(CommandGateway commands, Function<UUID, String> nameOfPopug) {
        this.commands = commands;
        this.nameOfPopug = nameOfPopug;
        setHeaderTitle("New task");

        title.setMaxLength(TaskFields.TITLE_MAX);
        title.setPlaceholder("Fix the beak");
        title.setWidthFull();
        jiraId.setPlaceholder("UP-42");
        jiraId.setHelperText("Optional. Not in the title.");
        description.setMaxLength(TaskFields.DESCRIPTION_MAX);
        description.setWidthFull();
        refusal.getStyle().set("color", "var(--lumo-error-text-color)");
        refusal.setVisible(false);
        VerticalLayout fields = new VerticalLayout(title, jiraId, description, refusal);
        fields.setPadding(false);
        fields.setWidth("28em");
        add(fields);

        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(click -> createTask());
        getFooter().add(new Button("Cancel", click -> close()), create);
    }

    void createTask() {
        errors.clear();
        refusal.setVisible(false);
        try {
            CreatedTask created = commands.sendAndWait(new CreateTask(UUID.randomUUID(), title.getValue(),
                    jiraId.getValue(), description.getValue()));
            Notices.success("Task '" + title.getValue().strip() + "' created and given to "
                    + nameOfPopug.apply(created.assigneeId()));
            close();
        } catch (InvalidCommandException invalid) {
            errors.show(invalid.problems());
        } catch (CommandRefusedException refused) {
            refusal.setText(refused.getMessage());
            refusal.setVisible(true);
        }
    }
}
