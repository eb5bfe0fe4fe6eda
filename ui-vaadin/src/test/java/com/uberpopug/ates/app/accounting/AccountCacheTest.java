package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.accounting.SettleAccount;
import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.app.AtesSpringTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Accounts stay in memory between commands, and memory never holds a movement the event store does not: a
 * debit whose processor batch rolls back is forgotten, and the account goes on from what was stored; an
 * account another instance wrote meanwhile is loaded from the store again.
 */
@AtesSpringTest
class AccountCacheTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    OpenBusinessDay openBusinessDay;
    @Autowired
    Cache accountCache;
    @Autowired
    TransactionManager transactions;
    @Autowired
    EventStore eventStore;

    @Test
    void aDebitRolledBackWithItsBatchIsForgotten() {
        UUID popug = UUID.randomUUID();
        String accountId = AccountId.of(popug);
        LocalDate day = openBusinessDay.get();
        debit(popug, 1, day, "cache-test-" + popug + "-1");
        assertThat(accountCache.containsKey(accountId)).as("kept in memory after its command").isTrue();

        // A processor batch: the debit succeeds inside it, then the batch fails and rolls back as a whole.
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        debit(popug, 2, day, "cache-test-" + popug + "-2");
        batch.rollback(new IllegalStateException("the batch fails after its debit"));

        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, accountId)).as("only the first debit is stored").isEqualTo(2); // opened, debited
        assertThat(settled(popug, day)).as("the settlement knows only the stored debit, at the sequence after it")
                .contains("\"cents\":-100");
    }

    @Test
    void aPayoutAnotherInstanceIssuedIsKnownHere() {
        UUID popug = UUID.randomUUID();
        String accountId = AccountId.of(popug);
        LocalDate day = openBusinessDay.get();
        commands.sendAndWait(new CreditAccount(popug, Money.dollars(5), UUID.randomUUID(), day, "cache-test-" + popug));
        assertThat(accountCache.containsKey(accountId)).as("kept in memory after its command").isTrue();

        // Another instance settles the account: its payout is appended to the store, never seen by this memory.
        UUID payoutId = UUID.randomUUID();
        appendAsAnotherInstance(accountId, new PayoutIssued(payoutId, popug, Money.dollars(5), day));

        commands.sendAndWait(new ConfirmPayout(popug, payoutId, "transfer-" + payoutId));
        assertThat(postgres.queryForList("SELECT payloadtype FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", String.class, accountId))
                .as("the transfer confirmed on the payout the store holds")
                .endsWith("com.uberpopug.ates.api.accounting.PayoutIssued", "com.uberpopug.ates.api.accounting.PayoutSent");
    }

    /**
     * Two instances debit one account at the same moment: no rule refuses a debit, so both are stored, each once,
     * and the caller here never sees the other instance's write (its sequence number is not taken twice).
     */
    @Test
    void aDebitAfterAnotherInstancesDebitStoresBoth() {
        UUID popug = UUID.randomUUID();
        String accountId = AccountId.of(popug);
        LocalDate day = openBusinessDay.get();
        debit(popug, 1, day, "cache-test-" + popug + "-here");

        debitAsAnotherInstance(popug, 2, day);

        debit(popug, 4, day, "cache-test-" + popug + "-again");
        assertThat(sequenceNumbers(accountId)).as("opened, and three debits in a row")
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(settled(popug, day)).as("the settlement counts all three debits").contains("\"cents\":-700");
    }

    /**
     * In a processor batch the accounts its events name are read from the store once, when the first command asks.
     * Another instance's write to one of them after that is not seen by the batch; it is caught when the batch
     * appends to that account (the sequence number is taken): the whole batch rolls back, and the account goes on
     * from the store.
     */
    @Test
    void aBatchReadsTheAccountsOfItsEventsOnceAndAnotherInstancesWriteMeanwhileRollsItBack() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        LocalDate day = openBusinessDay.get();
        debit(first, 1, day, "cache-test-" + first);
        debit(second, 1, day, "cache-test-" + second);

        BatchingUnitOfWork<EventMessage<?>> batch = batchAssigningTasksTo(first, second);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            EventMessage<?> message = batch.getMessage();
            UUID popug = ((TaskAssigned) message.getPayload()).assigneeId();
            debit(popug, 2, day, message.getIdentifier());
            if (popug.equals(first)) {
                asAnotherInstance(() -> debitAsAnotherInstance(second, 4, day));
            }
            return null;
        });
        assertThat(result.isExceptional()).as("the batch fails").isTrue();
        assertThat(result.exceptionResult())
                .as("the batch's debit of the second account takes the sequence number the other instance took")
                .isInstanceOf(ConcurrencyException.class);

        assertThat(sequenceNumbers(AccountId.of(first))).as("the batch's debit of the first account rolled back with it")
                .containsExactly(0L, 1L);
        assertThat(sequenceNumbers(AccountId.of(second))).as("opened, debited here, debited elsewhere")
                .containsExactly(0L, 1L, 2L);
        debit(second, 8, day, "cache-test-" + second + "-again");
        assertThat(settled(second, day)).as("the account goes on from the store: 1 + 4 + 8").contains("\"cents\":-1300");
    }

    /** An account the batch's events do not name is read from the store when a command asks for it. */
    @Test
    void anAccountTheBatchDoesNotNameIsReadWhenAskedFor() {
        UUID named = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        LocalDate day = openBusinessDay.get();
        debit(other, 1, day, "cache-test-" + other);

        BatchingUnitOfWork<EventMessage<?>> batch = batchAssigningTasksTo(named);
        ResultMessage<?> result = batch.executeWithResult(() -> {
            debit(named, 2, day, batch.getMessage().getIdentifier());
            asAnotherInstance(() -> debitAsAnotherInstance(other, 4, day));
            debit(other, 8, day, "cache-test-" + other + "-batch");
            return null;
        });

        assertThat(result.isExceptional()).as("the batch commits").isFalse();
        assertThat(sequenceNumbers(AccountId.of(other))).as("opened, debited here, elsewhere, and in the batch")
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(settled(other, day)).as("1 + 4 + 8").contains("\"cents\":-1300");
    }

    /** A processor batch of the accounting processor, in its transaction: a new task assigned to each popug. */
    private BatchingUnitOfWork<EventMessage<?>> batchAssigningTasksTo(UUID... popugs) {
        List<EventMessage<?>> assignments = Arrays.stream(popugs).<EventMessage<?>>map(popug -> {
            UUID task = UUID.randomUUID();
            return new GenericDomainEventMessage<>("Task", task.toString(), 1, new TaskAssigned(task, popug, AssignmentReason.CREATED));
        }).toList();
        BatchingUnitOfWork<EventMessage<?>> batch = new BatchingUnitOfWork<>(assignments);
        batch.attachTransaction(transactions);
        return batch;
    }

    /** Another instance works on its own thread, in its own transaction, committed when this returns. */
    private static void asAnotherInstance(Runnable work) {
        CompletableFuture.runAsync(work).join();
    }

    private List<Long> sequenceNumbers(String accountId) {
        return postgres.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, accountId);
    }

    /** Settles the popug's account (in the red in these tests) and answers the balance it carried over, as stored. */
    private String settled(UUID popug, LocalDate day) {
        commands.sendAndWait(new SettleAccount(popug, day, UUID.randomUUID()));
        return postgres.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE '%.BalanceCarriedOver'""", String.class, AccountId.of(popug));
    }

    private void debit(UUID popug, int dollars, LocalDate day, String cause) {
        commands.sendAndWait(new DebitAccount(popug, Money.dollars(dollars), UUID.randomUUID(), day, cause));
    }

    private void debitAsAnotherInstance(UUID popug, int dollars, LocalDate day) {
        appendAsAnotherInstance(AccountId.of(popug),
                new AccountDebited(popug, Money.dollars(dollars), UUID.randomUUID(), day, "cache-test-" + popug + "-elsewhere"));
    }

    /** What another instance's command on the account does: its event appended after the account's last one. */
    private void appendAsAnotherInstance(String accountId, Object event) {
        long next = postgres.queryForObject("SELECT max(sequencenumber) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, accountId) + 1;
        UnitOfWork<?> elsewhere = DefaultUnitOfWork.startAndGet(null);
        elsewhere.attachTransaction(transactions);
        eventStore.publish(new GenericDomainEventMessage<>("Account", accountId, next, event));
        elsewhere.commit();
    }
}
