package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.FailPayout;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The payments handler as a unit: its collaborators (gateway, command gateway) are stand-ins. */
class PayoutTransfersTest {

    private static final PayoutIssued PAYOUT = new PayoutIssued(UUID.randomUUID(), UUID.randomUUID(), Money.dollars(42),
            LocalDate.of(2026, 11, 25));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final BusinessDays days = mock(BusinessDays.class);

    @Test
    void aTransferThatWorksIsConfirmed() throws Exception {
        new PayoutTransfers((payout, popug, amount) -> "ref-1", commands, days, 3, Duration.ZERO).on(PAYOUT);
        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-1"));
        verifyNoMoreInteractions(commands);
    }

    @Test
    void aFailingTransferIsRetriedUntilItWorks() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        PaymentGateway flaky = (payout, popug, amount) -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("bank busy");
            }
            return "ref-3";
        };
        new PayoutTransfers(flaky, commands, days, 5, Duration.ZERO).on(PAYOUT);
        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-3"));
        verifyNoMoreInteractions(commands);
    }

    @Test
    void afterTheLastAttemptThePayoutFailsWithTheReason() throws Exception {
        PaymentGateway down = (payout, popug, amount) -> {
            throw new IllegalStateException("bank down");
        };
        when(days.openDay()).thenReturn(PAYOUT.day().plusDays(1));
        new PayoutTransfers(down, commands, days, 3, Duration.ZERO).on(PAYOUT);
        verify(commands).sendAndWait(new FailPayout(PAYOUT.popugId(), PAYOUT.payoutId(),
                "The transfer failed 3 times; last: bank down", PAYOUT.day().plusDays(1)));
        verifyNoMoreInteractions(commands);
    }
}
