package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/**
 * A page of the task board, newest first. Every filter may be null: {@code status} is "open" or
 * "done", {@code text} matches title, Jira id and description.
 */
public record FindTasks(String status, UUID assigneeId, String text, int offset, int limit) {

    public static final String OPEN = "open";
    public static final String DONE = "done";

    public static FindTasks firstPage(int limit) {
        return new FindTasks(null, null, null, 0, limit);
    }

    /** The open tasks of one popug: their "My tasks" list. */
    public static FindTasks openTasksOf(UUID popugId, int offset, int limit) {
        return new FindTasks(OPEN, popugId, null, offset, limit);
    }

    public static boolean isStatus(String status) {
        return OPEN.equals(status) || DONE.equals(status);
    }
}
