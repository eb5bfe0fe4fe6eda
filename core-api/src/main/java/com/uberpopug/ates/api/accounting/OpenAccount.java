package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Opens the popug's account if it is not open yet (it may already be, from a first movement). */
public record OpenAccount(UUID popugId) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
