package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/** At the close of {@code day} the account's positive balance is paid out; the balance goes back to zero. */
public record PayoutIssued(UUID payoutId, UUID popugId, Money amount, LocalDate day) {
}
