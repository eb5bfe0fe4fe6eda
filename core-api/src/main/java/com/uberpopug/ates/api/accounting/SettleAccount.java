package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/**
 * The close of {@code day} for one account: a positive balance (of movements up to that day) is paid
 * out as {@code payoutId}, anything else carries over. Settling a day twice changes nothing.
 */
public record SettleAccount(UUID popugId, LocalDate day, UUID payoutId) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
