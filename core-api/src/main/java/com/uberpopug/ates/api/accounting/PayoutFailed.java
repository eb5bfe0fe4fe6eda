package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The transfer failed after every retry. The amount goes back onto the account (nothing is lost) and
 * is paid with a later close. {@code day}: the business day the money returned in (null in events stored
 * before it was recorded).
 */
public record PayoutFailed(UUID payoutId, UUID popugId, Money amount, String reason, LocalDate day) {
}
