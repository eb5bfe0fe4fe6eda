package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.FindCloseProgress;
import com.uberpopug.ates.api.accounting.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * The daily close's work list (V17): a close is planned as one row per account, and each row is settled
 * in a transaction of its own, marked in the transaction of the account's events. What a close has paid
 * is read from these rows, so its totals are exact however often it was interrupted.
 */
@Component
class Settlements {

    private final JdbcTemplate jdbc;

    Settlements(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Plans the close of {@code day}: every account opened so far. A second plan of the same day adds nothing. */
    void plan(LocalDate day) {
        if (jdbc.update("INSERT INTO accounting_closes (day, accounts) VALUES (?, 0) ON CONFLICT (day) DO NOTHING", day) == 1) {
            int accounts = jdbc.update("INSERT INTO accounting_settlements (day, popug_id) SELECT ?, popug_id FROM accounting_accounts", day);
            jdbc.update("UPDATE accounting_closes SET accounts = ? WHERE day = ?", accounts, day);
        }
    }

    /** The earliest planned day still closing: days are settled in their order, so each day's totals are its own. */
    Optional<LocalDate> nextToSettle() {
        return jdbc.queryForList("""
                SELECT c.day FROM accounting_closes c JOIN accounting_business_days d ON d.day = c.day
                WHERE d.status = 'closing' ORDER BY c.day LIMIT 1""", LocalDate.class).stream().findFirst();
    }

    /**
     * Takes one account of the day to settle, locked until the caller's transaction ends; other workers
     * (of this instance or another) skip it. Empty when every account is settled, taken, or waiting to be
     * tried again.
     */
    Optional<UUID> claim(LocalDate day) {
        return jdbc.queryForList("""
                SELECT popug_id FROM accounting_settlements
                WHERE day = ? AND NOT settled AND (retry_at IS NULL OR retry_at <= now())
                LIMIT 1 FOR UPDATE SKIP LOCKED""", UUID.class, day).stream().findFirst();
    }

    /** Marks the account settled, with what was paid out (null: the balance was carried over). */
    void settled(LocalDate day, UUID popugId, Money paidOut) {
        jdbc.update("UPDATE accounting_settlements SET settled = true, payout_cents = ?, last_failure = NULL, retry_at = NULL "
                + "WHERE day = ? AND popug_id = ?", paidOut == null ? null : paidOut.cents(), day, popugId);
    }

    /** Records a failed settlement, to be tried again after {@code pause}. */
    void failed(LocalDate day, UUID popugId, String failure, Duration pause) {
        jdbc.update("UPDATE accounting_settlements SET failures = failures + 1, last_failure = ?, retry_at = ? "
                + "WHERE day = ? AND popug_id = ?", failure, Timestamp.from(Instant.now().plus(pause)), day, popugId);
    }

    /** How far the close of the day has come; empty if it was never planned. */
    @QueryHandler
    Optional<CloseProgress> progress(FindCloseProgress query) {
        return jdbc.query("""
                SELECT c.accounts,
                       count(s.popug_id) FILTER (WHERE s.settled) AS settled,
                       count(s.payout_cents) AS payouts,
                       coalesce(sum(s.payout_cents), 0) AS total,
                       count(s.popug_id) FILTER (WHERE NOT s.settled AND s.failures > 0) AS failing,
                       bool_or(d.status = 'closed') AS finished
                FROM accounting_closes c
                JOIN accounting_business_days d ON d.day = c.day
                LEFT JOIN accounting_settlements s ON s.day = c.day
                WHERE c.day = ?
                GROUP BY c.accounts""",
                (rs, row) -> new CloseProgress(query.day(), rs.getInt("accounts"), rs.getInt("settled"), rs.getInt("payouts"),
                        new Money(rs.getLong("total")), rs.getInt("failing"), rs.getBoolean("finished")),
                query.day()).stream().findFirst();
    }
}
