package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** One {@link BusinessDaySummary}; {@code day} null: the open day. Null when unknown. */
public record FindBusinessDay(LocalDate day) {
}
