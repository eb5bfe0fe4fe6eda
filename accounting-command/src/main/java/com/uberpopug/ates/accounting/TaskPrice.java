package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.TaskPriced;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The price of one task, set once and never changed: its id is derived from the task's, so the event
 * store's unique (aggregate, sequence) key refuses a second price even from two instances at once.
 */
@Aggregate
class TaskPrice {

    @AggregateIdentifier
    private String priceId;
    private Money fee;
    private Money reward;

    TaskPrice() {
        // for Axon
    }

    @CommandHandler
    TaskPrice(PriceTask command) {
        List<FieldProblem> problems = new ArrayList<>();
        if (command.taskId() == null) {
            problems.add(new FieldProblem("taskId", "A price needs its task."));
        }
        if (command.fee() == null || !command.fee().isPositive()) {
            problems.add(new FieldProblem("fee", "The assignment fee is more than zero."));
        }
        if (command.reward() == null || !command.reward().isPositive()) {
            problems.add(new FieldProblem("reward", "The completion reward is more than zero."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
        apply(new TaskPriced(command.taskId(), command.fee(), command.reward()));
    }

    @EventSourcingHandler
    void on(TaskPriced event) {
        priceId = PriceTask.priceId(event.taskId());
        fee = event.fee();
        reward = event.reward();
    }

    Money fee() {
        return fee;
    }

    Money reward() {
        return reward;
    }
}
