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

/**
 * Pays each issued payout through the {@link PaymentGateway}: retried with growing pauses, then
 * {@code PayoutSent} (confirmed) or, after the last attempt, {@code PayoutFailed} (the money returns to
 * the account and accountants see the failure). Its own tracking processor on the event store: a
 * redelivered {@code PayoutIssued} transfers nothing twice (the gateway is idempotent per payout) and
 * confirms nothing twice (the account ignores a repeat).
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
        RuntimeException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                String reference = gateway.transfer(payout.payoutId(), payout.popugId(), payout.amount());
                commands.sendAndWait(new ConfirmPayout(payout.popugId(), payout.payoutId(), reference));
                return;
            } catch (RuntimeException failed) {
                last = failed;
                log.warn("Payout {} ({}): transfer attempt {} of {} failed: {}", payout.payoutId(),
                        payout.amount().format(), attempt, attempts, failed.getMessage());
                if (attempt < attempts) {
                    Thread.sleep(firstPause.multipliedBy(1L << (attempt - 1)).toMillis());
                }
            }
        }
        commands.sendAndWait(new FailPayout(payout.popugId(), payout.payoutId(),
                "The transfer failed " + attempts + " times; last: " + last.getMessage(), days.openDay()));
    }
}
