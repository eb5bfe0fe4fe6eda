package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/**
 * Accounting priced a task, once and for ever: the fee debited at every assignment and the reward
 * credited at completion. Never shown in the task tracker.
 */
public record TaskPriced(UUID taskId, Money fee, Money reward) {
}
