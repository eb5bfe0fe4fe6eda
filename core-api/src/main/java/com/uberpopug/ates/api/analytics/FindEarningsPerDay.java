package com.uberpopug.ates.api.analytics;

import java.time.LocalDate;

/** {@link EarningsOfDay} for every day {@code from}..{@code to}, days without movements included, from ClickHouse. */
public record FindEarningsPerDay(LocalDate from, LocalDate to) {
}
