package com.uberpopug.ates.api.analytics;

import java.time.LocalDate;

/** The {@link MostExpensiveTask} of the day, week or month of {@code date}, from ClickHouse. */
public record FindMostExpensiveTask(Period period, LocalDate date) {
}
