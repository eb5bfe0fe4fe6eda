package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/** The assignee finished the task. Final: a done task is never completed again nor reassigned. */
public record TaskCompleted(UUID taskId, UUID assigneeId) {
}
