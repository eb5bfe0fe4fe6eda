package com.uberpopug.ates.api.tasks;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** {@code popugId} says the task is done; only the task's assignee may. */
public record CompleteTask(@TargetAggregateIdentifier UUID taskId, UUID popugId) {
}
