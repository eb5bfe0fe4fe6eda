package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.FailPayout;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoMoreInteractions;
import static org.mockito.Mockito.when;

/** The payments handler as a unit: its collaborators (payments service, command gateway) are stand-ins. */
class PayoutTransfersTest {

    private static final PayoutIssued PAYOUT = new PayoutIssued(UUID.randomUUID(), UUID.randomUUID(), Money.dollars(42),
            LocalDate.of(2026, 11, 25));

    private final CommandGateway commands = mock(CommandGateway.class);
    private final BusinessDays days = mock(BusinessDays.class);
    private final Payments payments = new Payments();

    private PayoutTransfers transfers(int attempts) {
        return new PayoutTransfers(payments, commands, days, attempts, Duration.ZERO);
    }

    @Test
    void aTransferThatWorksIsConfirmed() throws Exception {
        transfers(3).on(PAYOUT);

        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-" + PAYOUT.payoutId()));
        verifyNoMoreInteractions(commands);
        assertThat(payments.transferred).containsOnlyKeys(PAYOUT.payoutId());
    }

    @Test
    void aFailingTransferIsRetriedUntilItWorks() throws Exception {
        payments.refusals.set(2);

        transfers(5).on(PAYOUT);

        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-" + PAYOUT.payoutId()));
        verifyNoMoreInteractions(commands);
        assertThat(payments.calls).hasValue(3);
    }

    @Test
    void aTransferThatNeverWentThroughFailsWithASentenceNotTheException() throws Exception {
        payments.refusals.set(Integer.MAX_VALUE);
        when(days.openDay()).thenReturn(PAYOUT.day().plusDays(1));

        transfers(3).on(PAYOUT);

        verify(commands).sendAndWait(new FailPayout(PAYOUT.popugId(), PAYOUT.payoutId(),
                "The transfer did not go through after 3 attempts.", PAYOUT.day().plusDays(1)));
        verifyNoMoreInteractions(commands);
    }

    @Test
    void aTransferWhoseAnswerWasLostIsConfirmedNotFailed() throws Exception {
        payments.answersLost = true;

        transfers(3).on(PAYOUT);

        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-" + PAYOUT.payoutId()));
        verifyNoMoreInteractions(commands);
        assertThat(payments.transferred).containsOnlyKeys(PAYOUT.payoutId());
    }

    @Test
    void aConfirmationThatFailsIsNotAFailedTransfer() {
        when(commands.sendAndWait(any(ConfirmPayout.class))).thenThrow(new IllegalStateException("account store refused"));

        assertThatThrownBy(() -> transfers(3).on(PAYOUT)).hasMessage("account store refused");

        verify(commands).sendAndWait(new ConfirmPayout(PAYOUT.popugId(), PAYOUT.payoutId(), "ref-" + PAYOUT.payoutId()));
        verifyNoMoreInteractions(commands);
        assertThat(payments.calls).as("the transfer is not repeated").hasValue(1);
    }

    @Test
    void whenThePaymentsServiceCannotSayWhetherItPaidNothingIsDecided() {
        payments.refusals.set(Integer.MAX_VALUE);
        payments.unreachable = true;

        assertThatThrownBy(() -> transfers(2).on(PAYOUT)).hasMessage("payments service unreachable");

        verifyNoMoreInteractions(commands);
    }

    /** A payments service that keeps its transfers in memory; it can refuse, lose its answers, or not answer. */
    private static final class Payments implements PaymentGateway {

        final Map<UUID, String> transferred = new HashMap<>();
        final AtomicInteger refusals = new AtomicInteger();
        final AtomicInteger calls = new AtomicInteger();
        boolean answersLost;
        boolean unreachable;

        @Override
        public String transfer(UUID payoutId, UUID popugId, Money amount) {
            calls.incrementAndGet();
            if (refusals.getAndUpdate(left -> Math.max(left - 1, 0)) > 0) {
                throw new IllegalStateException("bank busy");
            }
            String reference = transferred.computeIfAbsent(payoutId, id -> "ref-" + id);
            if (answersLost) {
                throw new IllegalStateException("read timed out after the transfer");
            }
            return reference;
        }

        @Override
        public Optional<String> transferOf(UUID payoutId) {
            if (unreachable) {
                throw new IllegalStateException("payments service unreachable");
            }
            return Optional.ofNullable(transferred.get(payoutId));
        }
    }
}
