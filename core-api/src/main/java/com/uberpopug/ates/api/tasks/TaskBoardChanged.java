package com.uberpopug.ates.api.tasks;

/**
 * Update of a {@link FindTasks} subscription: the board read model took in a batch of task events.
 * One per batch, not per event, so that a shuffle of 100,000 tasks does not flood the views.
 */
public record TaskBoardChanged(int events) {
}
