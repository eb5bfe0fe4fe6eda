package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * Closes the open business day now (an admin, by hand). {@code day} may be null for "the open one";
 * when given it must be the open day. Answers with the day that is closing.
 */
public record CloseBusinessDay(LocalDate day, String closedBy) {
}
