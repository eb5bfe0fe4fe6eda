package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/** The payments service transferred the payout; {@code reference} is the transfer's id there. */
public record PayoutSent(UUID payoutId, UUID popugId, Money amount, String reference) {
}
