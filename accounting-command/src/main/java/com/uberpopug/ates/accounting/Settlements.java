package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.api.accounting.FindCloseProgress;
import com.uberpopug.ates.api.accounting.Money;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;
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

    /**
     * Plans the close of {@code day}: every account opened so far, in the trace of the action that closed the
     * day. A second plan of the same day adds nothing.
     */
    void plan(LocalDate day, String traceId) {
        if (jdbc.update("INSERT INTO accounting_closes (day, accounts, trace_id) VALUES (?, 0, ?) ON CONFLICT (day) DO NOTHING",
                day, traceId) == 1) {
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

    /** The trace id of the action that closed the day (null for a close planned without one). */
    String traceOf(LocalDate day) {
        return jdbc.queryForObject("SELECT trace_id FROM accounting_closes WHERE day = ?", String.class, day);
    }

    /**
     * Takes one account of the day to settle and marks it settled, in the caller's transaction: other workers
     * (of this instance or another) skip it while the transaction runs, and if it rolls back the mark goes with
     * it. One statement, as the close runs it once per account. Empty when every account is settled, taken, or
     * waiting to be tried again.
     */
    Optional<UUID> take(LocalDate day) {
        return jdbc.queryForList("""
                UPDATE accounting_settlements SET settled = true, last_failure = NULL, retry_at = NULL
                WHERE day = ? AND popug_id = (
                    SELECT popug_id FROM accounting_settlements
                    WHERE day = ? AND NOT settled AND (retry_at IS NULL OR retry_at <= now())
                    LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING popug_id""", UUID.class, day, day).stream().findFirst();
    }

    /** Records what the settlement of a taken account paid out. */
    void paidOut(LocalDate day, UUID popugId, Money amount) {
        jdbc.update("UPDATE accounting_settlements SET payout_cents = ? WHERE day = ? AND popug_id = ?", amount.cents(), day, popugId);
    }

    /** Records a failed settlement, to be tried again after {@code pause}. */
    void failed(LocalDate day, UUID popugId, String failure, Duration pause) {
        // The database's clock, the one take() compares retry_at with.
        jdbc.update("UPDATE accounting_settlements SET failures = failures + 1, last_failure = ?, "
                + "retry_at = now() + make_interval(secs => ?) WHERE day = ? AND popug_id = ?",
                failure, pause.toMillis() / 1000.0, day, popugId);
    }

    /** How far the close of the day has come (no day: the close running now); empty if there is none. */
    @QueryHandler
    Optional<CloseProgress> progress(FindCloseProgress query) {
        Optional<LocalDate> day = query.day() != null ? Optional.of(query.day()) : nextToSettle();
        return day.flatMap(this::progressOf);
    }

    private Optional<CloseProgress> progressOf(LocalDate day) {
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
                (rs, row) -> new CloseProgress(day, rs.getInt("accounts"), rs.getInt("settled"), rs.getInt("payouts"),
                        new Money(rs.getLong("total")), rs.getInt("failing"), rs.getBoolean("finished")),
                day).stream().findFirst();
    }
}
