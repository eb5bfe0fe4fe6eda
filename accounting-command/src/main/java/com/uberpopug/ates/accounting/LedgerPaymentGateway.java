package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;

/**
 * The default payments adapter: a transfer is a row of the {@code payments_ledger} table, keyed by payout
 * id, so a second transfer of the same payout finds the first and records nothing new. Like a payments
 * service of its own, the ledger commits each transfer at once, in a transaction of its own: what
 * happens to the caller's transaction afterwards does not undo a transfer.
 */
@Component
class LedgerPaymentGateway implements PaymentGateway {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;

    LedgerPaymentGateway(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public String transfer(UUID payoutId, UUID popugId, Money amount) {
        return ownTransaction.execute(status -> {
            jdbc.update("""
                    INSERT INTO payments_ledger (payout_id, popug_id, amount_cents, reference) VALUES (?, ?, ?, ?)
                    ON CONFLICT (payout_id) DO NOTHING""", payoutId, popugId, amount.cents(), "ledger:" + payoutId);
            return jdbc.queryForObject("SELECT reference FROM payments_ledger WHERE payout_id = ?", String.class, payoutId);
        });
    }

    @Override
    public Optional<String> transferOf(UUID payoutId) {
        return ownTransaction.execute(status -> jdbc.queryForList(
                "SELECT reference FROM payments_ledger WHERE payout_id = ?", String.class, payoutId).stream().findFirst());
    }
}
