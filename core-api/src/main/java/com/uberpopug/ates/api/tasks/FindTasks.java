package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * A page of the task board, newest first. Every filter may be null: {@code status} is "open" or
 * "done", {@code text} matches title, Jira id and description.
 */
public record FindTasks(String status, UUID assigneeId, String text, int offset, int limit) {

    public static FindTasks firstPage(int limit) {
        return new FindTasks(null, null, null, 0, limit);
    }
}
