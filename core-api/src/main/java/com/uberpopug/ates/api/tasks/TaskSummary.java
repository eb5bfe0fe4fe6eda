package com.uberpopug.ates.api.tasks;

import java.time.Instant;
import java.util.UUID;

/** A task as the board shows it. Prices never appear here. */
public record TaskSummary(UUID id, String title, String jiraId, String description, String status,
                          UUID assigneeId, String assigneeName, Instant createdAt, Instant completedAt) {
}
