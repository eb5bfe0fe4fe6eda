package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * The default payments adapter: a transfer is a row of the {@code payments_ledger} table, keyed by payout
 * id, so a second transfer of the same payout finds the first and records nothing new.
 */
@Component
class LedgerPaymentGateway implements PaymentGateway {

    private final JdbcTemplate jdbc;

    LedgerPaymentGateway(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String transfer(UUID payoutId, UUID popugId, Money amount) {
        jdbc.update("""
                INSERT INTO payments_ledger (payout_id, popug_id, amount_cents, reference) VALUES (?, ?, ?, ?)
                ON CONFLICT (payout_id) DO NOTHING""", payoutId, popugId, amount.cents(), "ledger:" + payoutId);
        return jdbc.queryForObject("SELECT reference FROM payments_ledger WHERE payout_id = ?", String.class, payoutId);
    }
}
