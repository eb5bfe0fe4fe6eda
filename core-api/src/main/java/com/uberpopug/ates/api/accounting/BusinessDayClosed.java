package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** Every account was settled for {@code day}: {@code payouts} payouts of {@code total} in all. */
public record BusinessDayClosed(LocalDate day, int payouts, Money total) {
}
