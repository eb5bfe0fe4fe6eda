package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The assignee of a task was charged its fee. {@code causeEventId} is the id of the {@code TaskAssigned}
 * event that caused it (every cent traces to a task and an assignment); {@code day} is the business day
 * the movement counts toward.
 */
public record AccountDebited(UUID popugId, Money amount, UUID taskId, LocalDate day, String causeEventId) {
}
