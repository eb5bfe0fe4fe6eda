package com.uberpopug.ates.api.tasks;

/** Why a task got its assignee: it was just created, or a manager shuffled the open tasks. */
public enum AssignmentReason {
    CREATED,
    SHUFFLE
}
