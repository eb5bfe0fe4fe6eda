package com.uberpopug.ates.api.analytics;

import com.uberpopug.ates.api.accounting.Money;

import java.time.Instant;
import java.util.UUID;

/** A completed task and the reward its completion paid. */
public record ExpensiveTask(UUID id, String title, String jiraId, Money reward, Instant completedAt) {
}
