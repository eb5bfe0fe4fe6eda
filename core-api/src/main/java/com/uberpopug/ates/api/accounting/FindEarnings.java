package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** {@link DayEarnings} of every business day {@code from}..{@code to} that had movements or was opened. */
public record FindEarnings(LocalDate from, LocalDate to) {
}
