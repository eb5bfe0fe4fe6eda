package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;

import java.util.UUID;

/**
 * The payments service (the seed's PAYMENTS): moves a payout's money to the popug. Must be idempotent
 * per payout id: transferring the same payout again answers the first transfer's reference and moves
 * nothing. A failure is an exception; the caller retries.
 */
interface PaymentGateway {

    /** @return the transfer's reference in the payments service */
    String transfer(UUID payoutId, UUID popugId, Money amount);
}
