package com.uberpopug.ates.api.analytics;

import java.time.LocalDate;

/** The highest-reward task completed in {@code from}..{@code to}; {@code task} is null when none was completed. */
public record MostExpensiveTask(Period period, LocalDate from, LocalDate to, ExpensiveTask task) {
}
