package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.UUID;

/** Prices a task once; a second price for the same task is refused (module-internal). */
record PriceTask(UUID taskId, Money fee, Money reward) {

    /** The price's own id in the event store: the task id names the Task aggregate there. */
    static String priceId(UUID taskId) {
        return "price-" + taskId;
    }

    @TargetAggregateIdentifier
    String priceId() {
        return taskId == null ? null : priceId(taskId);
    }
}
