package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/** The answer to {@link CreateTask}: the new task and the popug it was given to. */
public record CreatedTask(UUID taskId, UUID assigneeId) {
}
