package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** The {@link PayoutSummary}s of one business day. */
public record FindPayouts(LocalDate day) {
}
