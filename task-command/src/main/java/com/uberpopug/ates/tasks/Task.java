package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskFields;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/** A task of the tracker. Command handlers check a rule and apply an event; nothing else. */
@Aggregate
class Task {

    @AggregateIdentifier
    private UUID taskId;

    Task() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    Task(CreateTask command) {
        List<FieldProblem> problems =
                new ArrayList<>(TaskFields.problems(command.title(), command.jiraId(), command.description()));
        if (command.taskId() == null) {
            problems.add(new FieldProblem("taskId", "A task needs an id."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
        apply(new TaskCreated(command.taskId(), command.title().strip(), blankToNull(command.jiraId()),
                command.description() == null ? "" : command.description().strip()));
    }

    @EventSourcingHandler
    void on(TaskCreated event) {
        taskId = event.taskId();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
