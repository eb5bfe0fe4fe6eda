package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.AccountOpened;
import com.uberpopug.ates.api.accounting.BalanceCarriedOver;
import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.FailPayout;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.OpenAccount;
import com.uberpopug.ates.api.accounting.PayoutFailed;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.accounting.PayoutSent;
import com.uberpopug.ates.api.accounting.SettleAccount;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A popug's account. Its balance is what was carried over from settled days plus the movements of days
 * not settled yet, kept per business day: settling a day pays (or carries over) exactly the movements up
 * to that day, even when movements of the next day arrived first. Each day is settled at most once, so a
 * popug is paid at most once per day whatever runs twice. Snapshotted every few hundred events.
 */
@Aggregate(snapshotTriggerDefinition = "accountSnapshots", cache = "accountCache")
class Account {

    @AggregateIdentifier
    private String accountId;
    private UUID popugId;
    /** Balance of the settled days: zero after a payout, the (non-positive) rest after a carry-over. */
    private Money carried = Money.ZERO;
    /** Net movement of each business day not settled yet. */
    private final SortedMap<LocalDate, Money> unsettled = new TreeMap<>();
    private LocalDate lastSettledDay;
    /** Payouts issued and not yet sent or failed, by id. */
    private final Map<UUID, Money> pendingPayouts = new HashMap<>();
    /** Every payout this account ever had (one per day at most), so a repeated report is recognised. */
    private final Set<UUID> knownPayouts = new HashSet<>();

    Account() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(OpenAccount command) {
        openIfNew(command.popugId());
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(DebitAccount command) {
        checkMovement(command.popugId(), command.amount(), command.taskId(), command.day(), command.causeEventId());
        openIfNew(command.popugId());
        apply(new AccountDebited(popugId, command.amount(), command.taskId(), dayFor(command.day()), command.causeEventId()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(CreditAccount command) {
        checkMovement(command.popugId(), command.amount(), command.taskId(), command.day(), command.causeEventId());
        openIfNew(command.popugId());
        apply(new AccountCredited(popugId, command.amount(), command.taskId(), dayFor(command.day()), command.causeEventId()));
    }

    /** Pays the balance up to {@code day} if positive, else carries it over; answers the payout, or null. */
    @CommandHandler
    Money handle(SettleAccount command) {
        if (command.day() == null || command.payoutId() == null) {
            throw new InvalidCommandException(List.of(new FieldProblem("day", "A settlement needs its day and payout id.")));
        }
        if (lastSettledDay != null && !command.day().isAfter(lastSettledDay)) {
            return null; // this day (or a later one) is settled already: nothing is paid twice
        }
        Money due = carried;
        for (Money movement : unsettled.headMap(command.day().plusDays(1)).values()) {
            due = due.plus(movement);
        }
        if (due.isPositive()) {
            apply(new PayoutIssued(command.payoutId(), popugId, due, command.day()));
            return due;
        }
        apply(new BalanceCarriedOver(popugId, command.day(), due));
        return null;
    }

    @CommandHandler
    void handle(ConfirmPayout command) {
        Money amount = pendingPayout(command.payoutId());
        if (amount != null) {
            apply(new PayoutSent(command.payoutId(), popugId, amount, command.reference()));
        }
    }

    @CommandHandler
    void handle(FailPayout command) {
        Money amount = pendingPayout(command.payoutId());
        if (amount != null) {
            apply(new PayoutFailed(command.payoutId(), popugId, amount, command.reason(), command.day()));
        }
    }

    /** The payout's amount while it waits for the transfer; null once sent or failed (a repeat is a no-op). */
    private Money pendingPayout(UUID payoutId) {
        if (pendingPayouts.containsKey(payoutId)) {
            return pendingPayouts.get(payoutId);
        }
        if (knownPayouts.contains(payoutId)) {
            return null;
        }
        throw new CommandRefusedException("The account has no payout " + payoutId + ".");
    }

    private void openIfNew(UUID id) {
        if (popugId == null) {
            if (id == null) {
                throw new InvalidCommandException(List.of(new FieldProblem("popugId", "An account needs its popug.")));
            }
            apply(new AccountOpened(id));
        }
    }

    /** A movement for a day already settled (it raced the close) counts toward the day after it. */
    private LocalDate dayFor(LocalDate day) {
        return lastSettledDay != null && !day.isAfter(lastSettledDay) ? lastSettledDay.plusDays(1) : day;
    }

    private static void checkMovement(UUID popugId, Money amount, UUID taskId, LocalDate day, String cause) {
        List<FieldProblem> problems = new ArrayList<>();
        if (popugId == null) {
            problems.add(new FieldProblem("popugId", "A movement needs its popug."));
        }
        if (amount == null || !amount.isPositive()) {
            problems.add(new FieldProblem("amount", "A movement is more than zero."));
        }
        if (taskId == null) {
            problems.add(new FieldProblem("taskId", "A movement names its task."));
        }
        if (day == null) {
            problems.add(new FieldProblem("day", "A movement names its business day."));
        }
        if (cause == null || cause.isBlank()) {
            problems.add(new FieldProblem("causeEventId", "A movement names the event that caused it."));
        }
        if (!problems.isEmpty()) {
            throw new InvalidCommandException(problems);
        }
    }

    @EventSourcingHandler
    void on(AccountOpened event) {
        accountId = AccountId.of(event.popugId());
        popugId = event.popugId();
    }

    @EventSourcingHandler
    void on(AccountDebited event) {
        unsettled.merge(event.day(), event.amount().negated(), Money::plus);
    }

    @EventSourcingHandler
    void on(AccountCredited event) {
        unsettled.merge(event.day(), event.amount(), Money::plus);
    }

    @EventSourcingHandler
    void on(PayoutIssued event) {
        settle(event.day(), Money.ZERO);
        pendingPayouts.put(event.payoutId(), event.amount());
        knownPayouts.add(event.payoutId());
    }

    @EventSourcingHandler
    void on(BalanceCarriedOver event) {
        settle(event.day(), event.balance());
    }

    @EventSourcingHandler
    void on(PayoutSent event) {
        pendingPayouts.remove(event.payoutId());
    }

    @EventSourcingHandler
    void on(PayoutFailed event) {
        pendingPayouts.remove(event.payoutId());
        carried = carried.plus(event.amount()); // the money comes back, to be paid with a later close
    }

    private void settle(LocalDate day, Money rest) {
        unsettled.headMap(day.plusDays(1)).clear();
        carried = rest;
        lastSettledDay = day;
    }
}
