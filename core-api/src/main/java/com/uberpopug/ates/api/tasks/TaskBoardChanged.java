package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/** Update of a {@link FindTasks} subscription: the board read model changed for this task. */
public record TaskBoardChanged(UUID taskId) {
}
