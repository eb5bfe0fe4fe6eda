package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.AccountOpened;
import com.uberpopug.ates.api.accounting.BalanceCarriedOver;
import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.FailPayout;
import com.uberpopug.ates.api.accounting.OpenAccount;
import com.uberpopug.ates.api.accounting.PayoutFailed;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.accounting.PayoutSent;
import com.uberpopug.ates.api.accounting.SettleAccount;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static com.uberpopug.ates.api.accounting.Money.dollars;

/** Given-when-then specs of the account: movements, the daily settlement, payouts' fate. */
class AccountTest {

    private static final UUID POPUG = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-000000000042");
    private static final UUID PAYOUT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);

    private FixtureConfiguration<Account> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Account.class);
    }

    @Test
    void anAccountOpensOnce() {
        fixture.givenNoPriorActivity()
                .when(new OpenAccount(POPUG))
                .expectEvents(new AccountOpened(POPUG));
        fixture.given(new AccountOpened(POPUG))
                .when(new OpenAccount(POPUG))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theFirstMovementOpensTheAccount() {
        // Kafka may bring a popug's first TaskAssigned before their PopugRegistered (another topic).
        fixture.givenNoPriorActivity()
                .when(new DebitAccount(POPUG, dollars(15), TASK, MONDAY, "event-1"))
                .expectEvents(new AccountOpened(POPUG), new AccountDebited(POPUG, dollars(15), TASK, MONDAY, "event-1"));
    }

    @Test
    void aCompletionCreditsTheReward() {
        fixture.given(new AccountOpened(POPUG))
                .when(new CreditAccount(POPUG, dollars(33), TASK, MONDAY, "event-2"))
                .expectEvents(new AccountCredited(POPUG, dollars(33), TASK, MONDAY, "event-2"));
    }

    @Test
    void movementsAreMoreThanZeroAndNameTheirTaskDayAndCause() {
        fixture.given(new AccountOpened(POPUG))
                .when(new DebitAccount(POPUG, dollars(0), null, null, " "))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("amount: A movement is more than zero.; taskId: A movement names its task.; "
                        + "day: A movement names its business day.; causeEventId: A movement names the event that caused it.");
    }

    @Test
    void aPositiveBalanceIsPaidOutAtTheClose() {
        fixture.given(new AccountOpened(POPUG),
                        new AccountDebited(POPUG, dollars(15), TASK, MONDAY, "e1"),
                        new AccountCredited(POPUG, dollars(35), TASK, MONDAY, "e2"))
                .when(new SettleAccount(POPUG, MONDAY, PAYOUT))
                .expectEvents(new PayoutIssued(PAYOUT, POPUG, dollars(20), MONDAY))
                .expectResultMessagePayload(dollars(20));
    }

    @Test
    void aNegativeBalanceCarriesOverAndIsNotPaid() {
        fixture.given(new AccountOpened(POPUG), new AccountDebited(POPUG, dollars(15), TASK, MONDAY, "e1"))
                .when(new SettleAccount(POPUG, MONDAY, PAYOUT))
                .expectEvents(new BalanceCarriedOver(POPUG, MONDAY, dollars(-15)));
    }

    @Test
    void aZeroBalanceCarriesOver() {
        fixture.given(new AccountOpened(POPUG))
                .when(new SettleAccount(POPUG, MONDAY, PAYOUT))
                .expectEvents(new BalanceCarriedOver(POPUG, MONDAY, dollars(0)));
    }

    @Test
    void aCarriedDebtIsPaidBackBeforeAnythingIsPaidOut() {
        fixture.given(new AccountOpened(POPUG),
                        new AccountDebited(POPUG, dollars(15), TASK, MONDAY, "e1"),
                        new BalanceCarriedOver(POPUG, MONDAY, dollars(-15)),
                        new AccountCredited(POPUG, dollars(40), TASK, TUESDAY, "e2"))
                .when(new SettleAccount(POPUG, TUESDAY, PAYOUT))
                .expectEvents(new PayoutIssued(PAYOUT, POPUG, dollars(25), TUESDAY));
    }

    @Test
    void aDayIsSettledOnlyOnceSoNobodyIsPaidTwice() {
        fixture.given(new AccountOpened(POPUG),
                        new AccountCredited(POPUG, dollars(35), TASK, MONDAY, "e1"),
                        new PayoutIssued(PAYOUT, POPUG, dollars(35), MONDAY))
                .when(new SettleAccount(POPUG, MONDAY, UUID.randomUUID()))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void settlingADayLeavesTheNextDaysMovementsForTheNextClose() {
        fixture.given(new AccountOpened(POPUG),
                        new AccountCredited(POPUG, dollars(30), TASK, MONDAY, "e1"),
                        new AccountCredited(POPUG, dollars(40), TASK, TUESDAY, "e2"))
                .when(new SettleAccount(POPUG, MONDAY, PAYOUT))
                .expectEvents(new PayoutIssued(PAYOUT, POPUG, dollars(30), MONDAY));
    }

    @Test
    void aMovementForAnAlreadySettledDayCountsTowardTheNextDay() {
        fixture.given(new AccountOpened(POPUG), new BalanceCarriedOver(POPUG, MONDAY, dollars(0)))
                .when(new DebitAccount(POPUG, dollars(12), TASK, MONDAY, "late"))
                .expectEvents(new AccountDebited(POPUG, dollars(12), TASK, TUESDAY, "late"));
    }

    @Test
    void aSentPayoutIsConfirmedOnce() {
        fixture.given(new AccountOpened(POPUG), new PayoutIssued(PAYOUT, POPUG, dollars(20), MONDAY))
                .when(new ConfirmPayout(POPUG, PAYOUT, "ledger-1"))
                .expectEvents(new PayoutSent(PAYOUT, POPUG, dollars(20), "ledger-1"));
        fixture.given(new AccountOpened(POPUG), new PayoutIssued(PAYOUT, POPUG, dollars(20), MONDAY),
                        new PayoutSent(PAYOUT, POPUG, dollars(20), "ledger-1"))
                .when(new ConfirmPayout(POPUG, PAYOUT, "ledger-1"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aFailedPayoutGivesTheMoneyBackToBePaidLater() {
        fixture.given(new AccountOpened(POPUG),
                        new AccountCredited(POPUG, dollars(20), TASK, MONDAY, "e1"),
                        new PayoutIssued(PAYOUT, POPUG, dollars(20), MONDAY),
                        new PayoutFailed(PAYOUT, POPUG, dollars(20), "bank down", TUESDAY))
                .when(new SettleAccount(POPUG, TUESDAY, UUID.fromString("00000000-0000-0000-0000-0000000000bb")))
                .expectEvents(new PayoutIssued(UUID.fromString("00000000-0000-0000-0000-0000000000bb"), POPUG, dollars(20), TUESDAY));
    }

    @Test
    void aFailureIsReportedOnlyForAPendingPayout() {
        fixture.given(new AccountOpened(POPUG), new PayoutIssued(PAYOUT, POPUG, dollars(20), MONDAY))
                .when(new FailPayout(POPUG, PAYOUT, "bank down", TUESDAY))
                .expectEvents(new PayoutFailed(PAYOUT, POPUG, dollars(20), "bank down", TUESDAY));
        fixture.given(new AccountOpened(POPUG))
                .when(new FailPayout(POPUG, PAYOUT, "bank down", TUESDAY))
                .expectNoEvents()
                .expectException(CommandRefusedException.class);
    }
}
