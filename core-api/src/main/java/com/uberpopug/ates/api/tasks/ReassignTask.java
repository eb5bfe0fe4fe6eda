package com.uberpopug.ates.api.tasks;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/**
 * One step of a shuffle: the task goes to {@code assigneeId}, drawn at random by the shuffle (no
 * person picks it; there is no UI or API to send this for a chosen popug).
 */
public record ReassignTask(@TargetAggregateIdentifier UUID taskId, UUID assigneeId) {
}
