package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.AccountOpened;
import com.uberpopug.ates.api.accounting.AccountingChanged;
import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.api.accounting.BusinessDayClosed;
import com.uberpopug.ates.api.accounting.BusinessDayOpened;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.api.accounting.PayoutFailed;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import com.uberpopug.ates.api.accounting.PayoutSent;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.projections.BatchChanges;
import com.uberpopug.ates.projections.JdbcBatch;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Balances, the audit log, management earnings per day, payouts and business days, from accounting's
 * events on Kafka (and task titles and popug names from the other topics, joined when read). Every
 * money event is one audit line keyed by its event id, and moves the balance and the day's earnings only
 * if that line is new: redelivery and replay count nothing twice ({@link AuditMovements}).
 */
@Component
@ProcessingGroup(AccountingProjection.PROCESSING_GROUP)
class AccountingProjection {

    static final String PROCESSING_GROUP = "accounting-views";
    /** The audit line of a failed payout's money coming back (V15 gave the lines written before it the same words). */
    static final String PAYOUT_RETURNED = "Payout failed; the amount is back on the balance and is paid with a later close";

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;

    AccountingProjection(NamedParameterJdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(AccountDebited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        movement(eventId, event.popugId(), at, event.day(), -event.amount().cents(), "DEBIT", event.taskId(), null, null,
                event.amount().cents(), 0);
    }

    @EventHandler
    void on(AccountCredited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        movement(eventId, event.popugId(), at, event.day(), event.amount().cents(), "CREDIT", event.taskId(), null, null,
                0, event.amount().cents());
    }

    @EventHandler
    void on(PayoutIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        movement(eventId, event.popugId(), at, event.day(), -event.amount().cents(), "PAYOUT", null, event.payoutId(),
                "Payout of the business day " + event.day(), 0, 0);
        JdbcBatch.add(jdbc, """
                INSERT INTO acc_payouts (payout_id, popug_id, amount_cents, day, status) VALUES (:id, :popugId, :amount, :day, 'ISSUED')
                ON CONFLICT (payout_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", event.payoutId()).addValue("popugId", event.popugId())
                .addValue("amount", event.amount().cents()).addValue("day", event.day()));
    }

    @EventHandler
    void on(PayoutSent event) {
        JdbcBatch.add(jdbc, "UPDATE acc_payouts SET status = 'SENT' WHERE payout_id = :id AND status = 'ISSUED'",
                new MapSqlParameterSource("id", event.payoutId()));
        changed();
    }

    /**
     * The money of a failed payout returns to the balance (a credit line, counted toward no day's earnings).
     * The popug reads this line: it says what happened, never the reason's technical detail (accountants see
     * the reason among the payouts).
     */
    @EventHandler
    void on(PayoutFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        JdbcBatch.add(jdbc, """
                UPDATE acc_payouts SET status = 'FAILED', reason = :reason WHERE payout_id = :id AND status = 'ISSUED'""",
                new MapSqlParameterSource("id", event.payoutId()).addValue("reason", event.reason()));
        // Events stored before the day was recorded: the day open now (the old, order-dependent answer).
        LocalDate day = event.day() != null ? event.day() : jdbc.queryForObject(
                "SELECT coalesce(max(day), current_date) FROM acc_days WHERE status = 'open'",
                new MapSqlParameterSource(), LocalDate.class);
        movement(eventId, event.popugId(), at, day, event.amount().cents(), "CREDIT", null, event.payoutId(),
                PAYOUT_RETURNED, 0, 0);
    }

    @EventHandler
    void on(AccountOpened event) {
        JdbcBatch.add(jdbc, "INSERT INTO acc_balances (popug_id) VALUES (:id) ON CONFLICT (popug_id) DO NOTHING",
                new MapSqlParameterSource("id", event.popugId()));
        changed();
    }

    @EventHandler
    void on(BusinessDayOpened event) {
        JdbcBatch.add(jdbc, """
                INSERT INTO acc_days (day, status, closes_at) VALUES (:day, 'open', :closesAt) ON CONFLICT (day) DO NOTHING""",
                new MapSqlParameterSource("day", event.day()).addValue("closesAt", java.sql.Timestamp.from(event.closesAt())));
        changed();
    }

    @EventHandler
    void on(BusinessDayCloseStarted event) {
        JdbcBatch.add(jdbc, "UPDATE acc_days SET status = 'closing' WHERE day = :day AND status = 'open'",
                new MapSqlParameterSource("day", event.day()));
        changed();
    }

    @EventHandler
    void on(BusinessDayClosed event) {
        JdbcBatch.add(jdbc, """
                UPDATE acc_days SET status = 'closed', payouts = :payouts, total_cents = :total WHERE day = :day""",
                new MapSqlParameterSource("day", event.day()).addValue("payouts", event.payouts())
                        .addValue("total", event.total().cents()));
        changed();
    }

    @EventHandler
    void on(PopugRegistered event) {
        JdbcBatch.add(jdbc, """
                INSERT INTO acc_popugs (popug_id, username, full_name) VALUES (:id, :username, :fullName)
                ON CONFLICT (popug_id) DO NOTHING""", new MapSqlParameterSource("id", event.popugId())
                .addValue("username", event.username()).addValue("fullName", event.fullName()));
    }

    @EventHandler
    void on(TaskCreated event) {
        JdbcBatch.add(jdbc, """
                INSERT INTO acc_tasks (task_id, title, jira_id) VALUES (:id, :title, :jiraId) ON CONFLICT (task_id) DO NOTHING""",
                new MapSqlParameterSource("id", event.taskId()).addValue("title", event.title()).addValue("jiraId", event.jiraId()));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute(
                "TRUNCATE acc_popugs, acc_tasks, acc_balances, acc_audit_log, acc_earnings, acc_days, acc_payouts");
    }

    /** One audit line ({@link AuditMovements.Movement}), and a notice to the live pages. */
    private void movement(String eventId, UUID popugId, Instant at, LocalDate day, long amount, String kind,
                          UUID taskId, UUID payoutId, String note, long fee, long reward) {
        AuditMovements.add(jdbc.getJdbcTemplate(),
                new AuditMovements.Movement(eventId, popugId, at, day, amount, kind, taskId, payoutId, note, fee, reward));
        changed();
    }

    private void changed() {
        BatchChanges.count(updates, FindBusinessDay.class, AccountingChanged::new);
    }
}
