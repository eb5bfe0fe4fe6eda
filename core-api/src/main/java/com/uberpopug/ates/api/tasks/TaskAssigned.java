package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * A task was given to a popug, on creation or by a shuffle. Every assignment is a new event (and a new
 * debit in accounting), even when the shuffle lands the task on the same popug again.
 */
public record TaskAssigned(UUID taskId, UUID assigneeId, AssignmentReason reason) {
}
