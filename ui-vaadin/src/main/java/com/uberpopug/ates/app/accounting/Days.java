package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;

import java.time.LocalDate;
import java.util.List;

/**
 * The days the API and the pages take: from 1970-01-01 to 2105-12-31, what every store holds (ClickHouse's dates among
 * them), and ranges of at most {@link #MAX_DAYS} days. ISO dates may have nine-digit years; counting from
 * one of those would overflow instead of answering.
 */
public final class Days {

    public static final int MAX_DAYS = 366;
    private static final LocalDate FIRST = LocalDate.of(1970, 1, 1);
    private static final LocalDate LAST = LocalDate.of(2105, 12, 31);

    private Days() {
    }

    /** {@code day} itself, or a refusal naming {@code field}; null stays null. */
    public static LocalDate check(String field, LocalDate day) {
        if (day != null && (day.isBefore(FIRST) || day.isAfter(LAST))) {
            throw new InvalidCommandException(List.of(new FieldProblem(field, "A day is between " + FIRST + " and " + LAST + ".")));
        }
        return day;
    }

    /** Both ends within the calendar, in order, and not too far apart. */
    public static void checkRange(LocalDate from, LocalDate to) {
        check("from", from);
        check("to", to);
        if (from.isAfter(to)) {
            throw new InvalidCommandException(List.of(new FieldProblem("from", "The range starts after it ends.")));
        }
        if (from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidCommandException(List.of(new FieldProblem("to", "A range covers at most " + MAX_DAYS + " days.")));
        }
    }
}
