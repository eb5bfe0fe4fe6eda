package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** Management earnings of a business day: fees debited minus rewards credited; {@code closed} once paid out. */
public record DayEarnings(LocalDate day, Money fees, Money rewards, Money earnings, boolean closed) {
}
