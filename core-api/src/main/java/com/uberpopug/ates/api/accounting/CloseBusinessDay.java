package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * Closes the open business day now (an admin, by hand), if it has begun in the company's time zone.
 * {@code day} may be null for "the open one"; when given it must be the open day, so that a retried close
 * of a day is refused naming it instead of closing the next. Answers with the day that is closing.
 */
public record CloseBusinessDay(LocalDate day, String closedBy) {
}
