package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Pays a task's reward to the popug who completed it. */
public record CreditAccount(UUID popugId, Money amount, UUID taskId, LocalDate day,
                            String causeEventId) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
