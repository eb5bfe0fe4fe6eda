package com.uberpopug.ates.api.tasks;

import java.util.UUID;

/** A popug as the task board names them. */
public record TaskAssignee(UUID popugId, String username, String fullName) {
}
