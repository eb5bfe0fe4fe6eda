package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/** The assignee who completed a task got its reward; {@code causeEventId} is the {@code TaskCompleted} event's id. */
public record AccountCredited(UUID popugId, Money amount, UUID taskId, LocalDate day, String causeEventId) {
}
