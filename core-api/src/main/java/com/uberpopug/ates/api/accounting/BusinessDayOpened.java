package com.uberpopug.ates.api.accounting;

import java.time.Instant;
import java.time.LocalDate;

/** Movements now count toward {@code day}; it closes by itself at {@code closesAt} unless closed earlier. */
public record BusinessDayOpened(LocalDate day, Instant closesAt) {
}
