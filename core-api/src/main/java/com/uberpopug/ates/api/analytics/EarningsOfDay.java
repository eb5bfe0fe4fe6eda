package com.uberpopug.ates.api.analytics;

import com.uberpopug.ates.api.accounting.Money;

import java.time.LocalDate;

/** Management earnings of one business day (zero for a day without movements). */
public record EarningsOfDay(LocalDate day, Money earnings) {
}
