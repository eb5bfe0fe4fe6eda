package com.uberpopug.ates.api.tasks;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Creates a task. {@code jiraId} may be null; the title must not carry it in brackets. */
public record CreateTask(@TargetAggregateIdentifier UUID taskId, String title, String jiraId, String description) {
}
