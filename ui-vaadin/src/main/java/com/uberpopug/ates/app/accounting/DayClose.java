package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.AccountingChanged;
import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Closing the business day by hand, for the API and the command line: the command returns as soon as
 * the day is closing; this waits until the accounting read model reports it closed, with its payouts.
 */
@Component
public class DayClose {

    private final CommandGateway commands;
    private final QueryGateway queries;

    DayClose(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** @param day the open day, or null for "whichever is open"; another day is refused (409 / exit 3) */
    public BusinessDaySummary closeAndWait(LocalDate day, String closedBy, Duration wait) {
        LocalDate closing = commands.sendAndWait(new CloseBusinessDay(day, closedBy));
        SubscriptionQueryResult<BusinessDaySummary, AccountingChanged> changes = queries.subscriptionQuery(
                new FindBusinessDay(closing), BusinessDaySummary.class, AccountingChanged.class);
        try {
            BusinessDaySummary closed = changes.initialResult()
                    .concatWith(changes.updates().map(change -> dayOf(closing)))
                    .filter(summary -> summary != null && summary.closed())
                    .blockFirst(wait);
            if (closed == null) {
                throw new IllegalStateException("The close of " + closing + " ended without a result");
            }
            return closed;
        } finally {
            changes.cancel();
        }
    }

    private BusinessDaySummary dayOf(LocalDate day) {
        return queries.query(new FindBusinessDay(day), BusinessDaySummary.class).join();
    }
}
