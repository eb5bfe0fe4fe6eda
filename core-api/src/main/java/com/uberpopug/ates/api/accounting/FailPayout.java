package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The payments service gave up on the payout; its amount returns to the account. */
public record FailPayout(UUID popugId, UUID payoutId, String reason) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
