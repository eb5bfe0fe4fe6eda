package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.ListPopugs;
import com.uberpopug.ates.api.identity.PopugFields;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Admins register popugs, change their roles and deactivate them. */
@Route("popugs")
@PageTitle("Popugs | aTES")
@RolesAllowed("ADMIN")
public class PopugsView extends VerticalLayout {

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final FieldErrors errors;

    final TextField username = new TextField("Username");
    final TextField fullName = new TextField("Full name");
    final EmailField email = new EmailField("E-mail");
    final Select<Role> role = new Select<>();
    final PasswordField password = new PasswordField("Password");
    final Button register = new Button("Register popug");
    final Grid<PopugProfile> grid = new Grid<>(PopugProfile.class, false);

    public PopugsView(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
        this.errors = new FieldErrors(Map.of("username", username, "fullName", fullName, "email", email,
                "password", password, "role", role));
        setSizeFull();

        username.setHelperText("3-32: a-z, 0-9, '.', '_', '-'");
        fullName.setMaxLength(PopugFields.FULL_NAME_MAX);
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setValue(Role.WORKER);
        password.setHelperText(PopugFields.PASSWORD_MIN + " characters to " + PopugFields.PASSWORD_MAX_BYTES
                + " bytes (fewer letters with accents), letters and digits or signs");
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(click -> registerPopug());
        HorizontalLayout form = new HorizontalLayout(username, fullName, email, role, password, register);
        form.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        form.setWrap(true);

        grid.addColumn(PopugProfile::username).setHeader("Username");
        grid.addColumn(PopugProfile::fullName).setHeader("Full name");
        grid.addColumn(PopugProfile::email).setHeader("E-mail");
        grid.addComponentColumn(this::roleEditor).setHeader("Role");
        grid.addColumn(p -> p.active() ? "active" : "deactivated").setHeader("Status");
        grid.addComponentColumn(this::deactivateButton).setHeader("");
        grid.setSizeFull();

        add(new H3("Popugs"), form, grid);
        refresh();
    }

    private void registerPopug() {
        errors.clear();
        try {
            commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username.getValue().strip(), fullName.getValue(),
                    email.getValue(), role.getValue(), password.getValue()));
            Notices.success("Registered " + username.getValue().strip() + " as " + role.getValue());
            username.clear();
            fullName.clear();
            email.clear();
            password.clear();
            role.setValue(Role.WORKER);
            refresh();
        } catch (InvalidCommandException refused) {
            errors.show(refused.problems());
        } catch (CommandRefusedException refused) {
            errors.show("username", refused.getMessage());
        }
    }

    private Component roleEditor(PopugProfile popug) {
        Select<Role> select = new Select<>();
        select.setItems(Role.values());
        select.setValue(popug.role());
        select.setEnabled(popug.active());
        select.setAriaLabel("Role of " + popug.username());
        select.addValueChangeListener(change -> {
            if (!change.isFromClient() || change.getValue() == null) {
                return;
            }
            try {
                commands.sendAndWait(new ChangePopugRole(popug.id(), change.getValue()));
                Notices.success(popug.username() + " is now " + change.getValue());
            } catch (CommandRefusedException | InvalidCommandException refused) {
                Notices.error(refused.getMessage());
            }
            refresh();
        });
        return select;
    }

    private Component deactivateButton(PopugProfile popug) {
        Button deactivate = new Button("Deactivate");
        deactivate.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        deactivate.setVisible(popug.active());
        deactivate.addClickListener(click -> {
            Confirmations.askIrreversible("Deactivate " + popug.username() + "?",
                    popug.fullName() + " will no longer log in nor get tasks. This cannot be undone.",
                    "Deactivate", () -> deactivate(popug));
        });
        return deactivate;
    }

    void deactivate(PopugProfile popug) {
        try {
            commands.sendAndWait(new DeactivatePopug(popug.id()));
            Notices.success(popug.username() + " is deactivated");
        } catch (CommandRefusedException refused) {
            Notices.error(refused.getMessage());
        }
        refresh();
    }

    void refresh() {
        List<PopugProfile> popugs = queries.query(new ListPopugs(), ResponseTypes.multipleInstancesOf(PopugProfile.class)).join();
        grid.setItems(popugs);
    }
}
