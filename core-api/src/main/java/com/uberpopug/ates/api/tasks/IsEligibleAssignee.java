package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * Whether the task context may give tasks to this popug yet (answer: {@code Boolean}). It learns of
 * popugs from identity events on Kafka, so a popug registered a moment ago may not be eligible yet.
 */
public record IsEligibleAssignee(UUID popugId) {
}
