package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** The payments service reports the payout transferred. */
public record ConfirmPayout(UUID popugId, UUID payoutId, String reference) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
