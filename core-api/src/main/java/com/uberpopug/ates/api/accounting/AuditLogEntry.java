package com.uberpopug.ates.api.accounting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One change of a balance and its reason. {@code kind} is DEBIT (an assignment's fee), CREDIT (a
 * completion's reward, or a failed payout given back) or PAYOUT; {@code amount} is signed as it changes
 * the balance. {@code taskId} (with the task's title and Jira id) or {@code payoutId} say what caused it.
 */
public record AuditLogEntry(String eventId, Instant at, LocalDate day, Money amount, String kind, UUID taskId,
                            String taskTitle, String jiraId, UUID payoutId, String description) {
}
