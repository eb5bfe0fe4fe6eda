package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/**
 * The transfer failed after every retry. The amount goes back onto the account (nothing is lost) and
 * is paid with a later close.
 */
public record PayoutFailed(UUID payoutId, UUID popugId, Money amount, String reason) {
}
