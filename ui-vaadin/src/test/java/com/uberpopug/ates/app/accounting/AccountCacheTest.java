package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.AccountId;
import com.uberpopug.ates.api.accounting.ConfirmPayout;
import com.uberpopug.ates.api.accounting.CreditAccount;
import com.uberpopug.ates.api.accounting.DebitAccount;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.accounting.SettleAccount;
import com.uberpopug.ates.app.AtesSpringTest;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.caching.Cache;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.LocalDate;
import java.util.UUID;

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
        commands.sendAndWait(new DebitAccount(popug, Money.dollars(1), UUID.randomUUID(), day, "cache-test-" + popug + "-1"));
        assertThat(accountCache.containsKey(accountId)).as("kept in memory after its command").isTrue();

        // A processor batch: the debit succeeds inside it, then the batch fails and rolls back as a whole.
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        batch.attachTransaction(transactions);
        commands.sendAndWait(new DebitAccount(popug, Money.dollars(2), UUID.randomUUID(), day, "cache-test-" + popug + "-2"));
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
        commands.sendAndWait(new DebitAccount(popug, Money.dollars(1), UUID.randomUUID(), day, "cache-test-" + popug + "-here"));

        appendAsAnotherInstance(accountId,
                new AccountDebited(popug, Money.dollars(2), UUID.randomUUID(), day, "cache-test-" + popug + "-elsewhere"));

        commands.sendAndWait(new DebitAccount(popug, Money.dollars(4), UUID.randomUUID(), day, "cache-test-" + popug + "-again"));
        assertThat(postgres.queryForList("SELECT sequencenumber FROM domainevententry WHERE aggregateidentifier = ? "
                + "ORDER BY sequencenumber", Long.class, accountId)).as("opened, and three debits in a row")
                .containsExactly(0L, 1L, 2L, 3L);
        assertThat(settled(popug, day)).as("the settlement counts all three debits").contains("\"cents\":-700");
    }

    /** Settles the popug's account (in the red in these tests) and answers the balance it carried over, as stored. */
    private String settled(UUID popug, LocalDate day) {
        commands.sendAndWait(new SettleAccount(popug, day, UUID.randomUUID()));
        return postgres.queryForObject("""
                SELECT convert_from(payload, 'UTF8') FROM domainevententry
                WHERE aggregateidentifier = ? AND payloadtype LIKE '%.BalanceCarriedOver'""", String.class, AccountId.of(popug));
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
