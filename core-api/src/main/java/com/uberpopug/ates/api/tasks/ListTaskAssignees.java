package com.uberpopug.ates.api.tasks;

/** The popugs the board knows, for its assignee filter: a list of {@link TaskAssignee}, by name. */
public record ListTaskAssignees() {
}
