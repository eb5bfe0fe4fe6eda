package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugFields;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A popug: who they are, their role, whether they still work here. Registration is handled by
 * {@link PopugRegistration} (it needs the username table); this aggregate checks the rules of its own state.
 */
@Aggregate
class Popug {

    @AggregateIdentifier
    private UUID popugId;
    private Role role;
    private boolean active;

    Popug() {
        // for Axon: rebuilt from its events
    }

    /** A new popug, its fields checked; the username's uniqueness is checked by the caller. */
    Popug(RegisterPopug command) {
        checkFields(command);
        apply(new PopugRegistered(command.popugId(), command.username(), command.fullName().strip(),
                command.email().strip(), command.role()));
    }

    /** Refuses a registration whose fields break the rules of {@link PopugFields}, all problems at once. */
    static void checkFields(RegisterPopug command) {
        List<FieldProblem> problems = new ArrayList<>(PopugFields.problems(command.username(), command.fullName(),
                command.email(), command.role(), command.password()));
        if (command.popugId() == null) {
            problems.add(new FieldProblem("popugId", "A popug needs an id."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
    }

    @CommandHandler
    void handle(ChangePopugRole command) {
        if (command.role() == null) {
            throw new InvalidCommandException(List.of(new FieldProblem("role",
                    "Choose a role: ADMIN, MANAGER, ACCOUNTANT or WORKER.")));
        }
        if (!active) {
            throw new CommandRefusedException("This popug is deactivated; their role can no longer change.");
        }
        if (command.role() == role) {
            throw new CommandRefusedException("This popug already is " + role + ".");
        }
        apply(new PopugRoleChanged(popugId, role, command.role()));
    }

    @CommandHandler
    void handle(DeactivatePopug command) {
        if (!active) {
            throw new CommandRefusedException("This popug is already deactivated.");
        }
        apply(new PopugDeactivated(popugId));
    }

    @EventSourcingHandler
    void on(PopugRegistered event) {
        popugId = event.popugId();
        role = event.role();
        active = true;
    }

    @EventSourcingHandler
    void on(PopugRoleChanged event) {
        role = event.to();
    }

    @EventSourcingHandler
    void on(PopugDeactivated event) {
        active = false;
    }
}
