package com.uberpopug.ates.api.analytics;

import com.uberpopug.ates.api.accounting.Money;

import java.time.LocalDate;

/** A business day in numbers: management earnings (fees − rewards) and how many popugs ended it below zero. */
public record AnalyticsSummary(LocalDate day, Money managementEarnings, long negativePopugs) {
}
