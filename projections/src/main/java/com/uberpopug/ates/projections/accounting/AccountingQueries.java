package com.uberpopug.ates.projections.accounting;

import com.uberpopug.ates.api.accounting.AccountBalance;
import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.DayEarnings;
import com.uberpopug.ates.api.accounting.FindAuditLog;
import com.uberpopug.ates.api.accounting.FindBalance;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.api.accounting.FindEarnings;
import com.uberpopug.ates.api.accounting.FindPayouts;
import com.uberpopug.ates.api.accounting.ListBalances;
import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.accounting.PayoutSummary;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The questions the accounting read models answer (for "My account", "Accounting" and the API). */
@Component
class AccountingQueries {

    private static final RowMapper<AccountBalance> BALANCE = (rs, row) -> new AccountBalance(
            rs.getObject("popug_id", UUID.class), rs.getString("username"), rs.getString("full_name"),
            new Money(rs.getLong("balance_cents")));

    private static final RowMapper<AuditLogEntry> LOG_LINE = (rs, row) -> new AuditLogEntry(rs.getString("event_id"),
            rs.getTimestamp("at").toInstant(), rs.getObject("day", LocalDate.class), new Money(rs.getLong("amount_cents")),
            rs.getString("kind"), rs.getObject("task_id", UUID.class), rs.getString("title"), rs.getString("jira_id"),
            rs.getObject("payout_id", UUID.class), description(rs));

    private final NamedParameterJdbcTemplate jdbc;

    AccountingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    AccountBalance balance(FindBalance query) {
        List<AccountBalance> found = jdbc.query("""
                SELECT p.popug_id, p.username, p.full_name, coalesce(b.balance_cents, 0) AS balance_cents
                FROM (SELECT CAST(:id AS uuid) AS popug_id) me
                LEFT JOIN acc_balances b ON b.popug_id = me.popug_id
                LEFT JOIN acc_popugs p ON p.popug_id = me.popug_id""", new MapSqlParameterSource("id", query.popugId()),
                (rs, row) -> new AccountBalance(query.popugId(), rs.getString("username"), rs.getString("full_name"),
                        new Money(rs.getLong("balance_cents"))));
        return found.get(0);
    }

    @QueryHandler
    List<AccountBalance> balances(ListBalances query) {
        return new ArrayList<>(jdbc.query("""
                SELECT b.popug_id, p.username, p.full_name, b.balance_cents
                FROM acc_balances b LEFT JOIN acc_popugs p ON p.popug_id = b.popug_id
                ORDER BY p.username NULLS LAST, b.popug_id""", BALANCE));
    }

    @QueryHandler
    List<AuditLogEntry> auditLog(FindAuditLog query) {
        return new ArrayList<>(jdbc.query("""
                SELECT l.*, t.title, t.jira_id FROM acc_audit_log l LEFT JOIN acc_tasks t ON t.task_id = l.task_id
                WHERE l.popug_id = :popugId AND l.day BETWEEN :from AND :to
                ORDER BY l.at, l.event_id""", new MapSqlParameterSource("popugId", query.popugId())
                .addValue("from", query.from()).addValue("to", query.to()), LOG_LINE));
    }

    @QueryHandler
    List<DayEarnings> earnings(FindEarnings query) {
        return new ArrayList<>(jdbc.query("""
                SELECT day, coalesce(e.fees_cents, 0) AS fees, coalesce(e.rewards_cents, 0) AS rewards,
                       coalesce(d.status = 'closed', FALSE) AS closed
                FROM acc_earnings e FULL JOIN acc_days d USING (day)
                WHERE day BETWEEN :from AND :to ORDER BY day""",
                new MapSqlParameterSource("from", query.from()).addValue("to", query.to()), (rs, row) -> {
                    Money fees = new Money(rs.getLong("fees"));
                    Money rewards = new Money(rs.getLong("rewards"));
                    return new DayEarnings(rs.getObject("day", LocalDate.class), fees, rewards, fees.minus(rewards),
                            rs.getBoolean("closed"));
                }));
    }

    @QueryHandler
    List<PayoutSummary> payouts(FindPayouts query) {
        return new ArrayList<>(jdbc.query("""
                SELECT o.*, p.username FROM acc_payouts o LEFT JOIN acc_popugs p ON p.popug_id = o.popug_id
                WHERE o.day = :day ORDER BY p.username NULLS LAST, o.payout_id""",
                new MapSqlParameterSource("day", query.day()), (rs, row) -> new PayoutSummary(
                        rs.getObject("payout_id", UUID.class), rs.getObject("popug_id", UUID.class), rs.getString("username"),
                        new Money(rs.getLong("amount_cents")), rs.getObject("day", LocalDate.class), rs.getString("status"),
                        rs.getString("reason"))));
    }

    @QueryHandler
    BusinessDaySummary businessDay(FindBusinessDay query) {
        String where = query.day() == null ? "status = 'open' ORDER BY day DESC LIMIT 1" : "day = :day";
        List<BusinessDaySummary> found = jdbc.query("SELECT * FROM acc_days WHERE " + where,
                new MapSqlParameterSource("day", query.day()), (rs, row) -> new BusinessDaySummary(
                        rs.getObject("day", LocalDate.class), rs.getString("status"), rs.getTimestamp("closes_at").toInstant(),
                        rs.getInt("payouts"), new Money(rs.getLong("total_cents"))));
        return found.isEmpty() ? null : found.get(0);
    }

    private static String description(ResultSet rs) throws SQLException {
        String note = rs.getString("note");
        if (note != null) {
            return note;
        }
        String task = rs.getString("title") == null ? "task " + rs.getObject("task_id", UUID.class)
                : "'" + rs.getString("title") + "'" + (rs.getString("jira_id") == null ? "" : " (" + rs.getString("jira_id") + ")");
        return "DEBIT".equals(rs.getString("kind")) ? "Assignment fee of " + task : "Reward for completing " + task;
    }
}
