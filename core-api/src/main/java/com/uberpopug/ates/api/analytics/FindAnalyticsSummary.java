package com.uberpopug.ates.api.analytics;

import java.time.LocalDate;

/** The {@link AnalyticsSummary} of one business day, from ClickHouse. */
public record FindAnalyticsSummary(LocalDate day) {
}
