package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/** A payout and how it went: ISSUED, SENT or FAILED (with the reason). */
public record PayoutSummary(UUID payoutId, UUID popugId, String username, Money amount, LocalDate day, String status,
                            String reason) {
}
