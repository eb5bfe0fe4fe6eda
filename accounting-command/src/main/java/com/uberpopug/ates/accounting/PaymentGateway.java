package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;

import java.util.Optional;
import java.util.UUID;

/**
 * The payments service (the seed's PAYMENTS): moves a payout's money to the popug. Must be idempotent
 * per payout id: transferring the same payout again answers the first transfer's reference and moves
 * nothing. A failure is an exception; the caller retries. A failure does not say that nothing moved (the
 * answer may be lost after the money went out): {@link #transferOf} says.
 */
interface PaymentGateway {

    /** @return the transfer's reference in the payments service */
    String transfer(UUID payoutId, UUID popugId, Money amount);

    /** The reference of the payout's transfer if it went through; empty if the payments service has none. */
    Optional<String> transferOf(UUID payoutId);
}
