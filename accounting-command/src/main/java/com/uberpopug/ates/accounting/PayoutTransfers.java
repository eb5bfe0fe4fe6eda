package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.FailPayout;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Pays each issued payout through the {@link PaymentGateway}: the transfer is retried with growing pauses,
 * then {@code PayoutSent} (confirmed), or {@code PayoutFailed} (the money returns to the account and is
 * paid with a later close) only when the payments service says the transfer never went through. A failed
 * attempt may have moved the money all the same (its answer lost), so the service is asked before giving
 * up; and a failure after the transfer (confirming it) is not a failed transfer: it is retried by the
 * processor (or parked), and the next attempt finds the transfer and confirms it. So a popug is never
 * paid for one payout twice. Its own tracking processor on the event store: a redelivered
 * {@code PayoutIssued} transfers nothing twice (the gateway is idempotent per payout) and confirms nothing
 * twice (the account ignores a repeat).
 */
@Component
@ProcessingGroup(PayoutTransfers.PROCESSING_GROUP)
class PayoutTransfers {

    static final String PROCESSING_GROUP = "payments";

    private static final Logger log = LoggerFactory.getLogger(PayoutTransfers.class);

    private final PaymentGateway gateway;
    private final CommandGateway commands;
    private final BusinessDays days;
    private final int attempts;
    private final Duration firstPause;

    PayoutTransfers(PaymentGateway gateway, CommandGateway commands, BusinessDays days,
                    @Value("${ates.payments.attempts:5}") int attempts,
                    @Value("${ates.payments.first-pause:1s}") Duration firstPause) {
        this.gateway = gateway;
        this.commands = commands;
        this.days = days;
        this.attempts = attempts;
        this.firstPause = firstPause;
    }

    @EventHandler
    void on(PayoutIssued payout) throws InterruptedException {
        Optional<String> reference = transfer(payout);
        if (reference.isPresent()) {
            commands.sendAndWait(new ConfirmPayout(payout.popugId(), payout.payoutId(), reference.get()));
        } else {
            commands.sendAndWait(new FailPayout(payout.popugId(), payout.payoutId(), failedReason(), days.openDay()));
        }
    }

    /** The reference of the payout's transfer; empty only when the payments service has no transfer of it. */
    private Optional<String> transfer(PayoutIssued payout) throws InterruptedException {
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                return Optional.of(gateway.transfer(payout.payoutId(), payout.popugId(), payout.amount()));
            } catch (RuntimeException failed) {
                log.warn("Payout {} ({}): transfer attempt {} of {} failed", payout.payoutId(), payout.amount().format(),
                        attempt, attempts, failed);
                if (attempt < attempts) {
                    Thread.sleep(firstPause.multipliedBy(1L << (attempt - 1)).toMillis());
                }
            }
        }
        // Should the service not answer this either, nothing is decided: the failure goes to the processor.
        return gateway.transferOf(payout.payoutId());
    }

    /** For the popug's audit log and the accountants: words, not the exception (that is in the log). */
    private String failedReason() {
        return "The transfer did not go through after " + attempts + " attempts.";
    }
}
