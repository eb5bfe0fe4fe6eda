package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The payments service gave up on the payout; its amount returns to the account, in the business
 * {@code day} that is open when it gives up.
 */
public record FailPayout(UUID popugId, UUID payoutId, String reason, LocalDate day) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
