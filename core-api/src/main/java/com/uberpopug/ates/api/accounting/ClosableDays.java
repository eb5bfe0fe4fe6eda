package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * The open business day, and how many days from it on have begun in the company's time zone: so many
 * closes by hand would succeed one after another now (0 when the open day has not begun).
 */
public record ClosableDays(LocalDate openDay, int count) {
}
