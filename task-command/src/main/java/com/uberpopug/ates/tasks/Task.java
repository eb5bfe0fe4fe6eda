package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.CommandNotAllowedException;
import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.CompleteTask;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.CreatedTask;
import com.uberpopug.ates.api.tasks.ReassignTask;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A task of the tracker: open with an assignee until that assignee completes it, then done for good.
 * Command handlers check a rule and apply events; nothing else.
 */
@Aggregate
class Task {

    @AggregateIdentifier
    private UUID taskId;
    private UUID assigneeId;
    private boolean done;

    Task() {
        // for Axon: rebuilt from its events
    }

    /**
     * Creates the task and gives it at once to a random eligible popug. A handler method (not a
     * constructor) so that it can answer with the assignee as well as the id.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    CreatedTask handle(CreateTask command, AssigneeDraw draw) {
        List<FieldProblem> problems =
                new ArrayList<>(TaskFields.problems(command.title(), command.jiraId(), command.description()));
        if (command.taskId() == null) {
            problems.add(new FieldProblem("taskId", "A task needs an id."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
        UUID assignee = draw.draw().orElseThrow(() -> new CommandRefusedException(AssigneeDraw.NOBODY_ELIGIBLE));
        apply(new TaskCreated(command.taskId(), command.title().strip(), blankToNull(command.jiraId()),
                command.description() == null ? "" : command.description().strip()));
        apply(new TaskAssigned(command.taskId(), assignee, AssignmentReason.CREATED));
        return new CreatedTask(command.taskId(), assignee);
    }

    @CommandHandler
    void handle(ReassignTask command) {
        if (command.assigneeId() == null) {
            throw new InvalidCommandException(List.of(new FieldProblem("assigneeId", "A task needs an assignee.")));
        }
        if (done) {
            throw new CommandRefusedException("The task is done; a done task is never reassigned.");
        }
        apply(new TaskAssigned(taskId, command.assigneeId(), AssignmentReason.SHUFFLE));
    }

    @CommandHandler
    void handle(CompleteTask command) {
        if (done) {
            throw new CommandRefusedException("The task is already done.");
        }
        if (command.popugId() == null || !command.popugId().equals(assigneeId)) {
            throw new CommandNotAllowedException("Only the task's assignee can complete it.");
        }
        apply(new TaskCompleted(taskId, assigneeId));
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
    }

    @EventSourcingHandler
    void on(TaskAssigned event) {
        assigneeId = event.assigneeId();
    }

    @EventSourcingHandler
    void on(TaskCompleted event) {
        done = true;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
