package com.uberpopug.ates.api.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;
import java.util.UUID;

/** Charges a task's fee to its new assignee, for the business day open when the assignment was handled. */
public record DebitAccount(UUID popugId, Money amount, UUID taskId, LocalDate day,
                           String causeEventId) {

    @TargetAggregateIdentifier
    public String accountId() {
        return AccountId.of(popugId);
    }
}
