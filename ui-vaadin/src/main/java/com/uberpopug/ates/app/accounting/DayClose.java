package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.CloseBusinessDay;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.api.accounting.FindCloseProgress;
import com.uberpopug.ates.api.accounting.Money;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Closing the business day by hand, for the API and the command line: the command returns as soon as
 * the day is closing; this follows the close (accounts settled of all) until the day is reported closed
 * and the accounting pages show it, or the wait ends first (the close goes on regardless).
 */
@Component
public class DayClose {

    private static final Duration LOOK_EVERY = Duration.ofMillis(200);

    private final CommandGateway commands;
    private final QueryGateway queries;

    DayClose(CommandGateway commands, QueryGateway queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /**
     * @param day the open day, or null for "whichever is open"; another day is refused (409 / exit 3)
     * @return the close as far as it came within {@code wait}: {@link CloseProgress#finished()} if the day closed
     */
    public CloseProgress closeAndWait(LocalDate day, String closedBy, Duration wait, Consumer<CloseProgress> onProgress) {
        LocalDate closing = commands.sendAndWait(new CloseBusinessDay(day, closedBy));
        long deadline = System.nanoTime() + wait.toNanos();
        CloseProgress last = new CloseProgress(closing, 0, 0, 0, Money.ZERO, 0, false);
        while (true) {
            Optional<CloseProgress> progress = progressOf(closing);
            if (progress.isPresent()) {
                last = progress.get();
                onProgress.accept(last);
            }
            if (last.finished() && shownClosed(closing) || System.nanoTime() > deadline) {
                return last;
            }
            try {
                Thread.sleep(LOOK_EVERY.toMillis());
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                return last;
            }
        }
    }

    /** How far the close of {@code day} has come; empty before it started (or if it never did). Null: the running one. */
    public Optional<CloseProgress> progressOf(LocalDate day) {
        return queries.query(new FindCloseProgress(day), ResponseTypes.optionalInstanceOf(CloseProgress.class)).join();
    }

    /** The close running now (the earliest day still closing), if any. */
    public Optional<CloseProgress> runningClose() {
        return progressOf(null).filter(progress -> !progress.finished());
    }

    /** The accounting read model has the day closed, with its payouts (what the pages and the API read next). */
    private boolean shownClosed(LocalDate day) {
        BusinessDaySummary summary = queries.query(new FindBusinessDay(day), BusinessDaySummary.class).join();
        return summary != null && summary.closed();
    }
}
