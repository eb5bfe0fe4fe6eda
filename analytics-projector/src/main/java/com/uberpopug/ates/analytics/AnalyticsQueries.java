package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.accounting.Money;
import com.uberpopug.ates.api.analytics.AnalyticsSummary;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.uberpopug.ates.api.analytics.ExpensiveTask;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindEarningsPerDay;
import com.uberpopug.ates.api.analytics.FindMostExpensiveTask;
import com.uberpopug.ates.api.analytics.MostExpensiveTask;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The admin's questions, answered by ClickHouse from the per-day rollups of V5 (kept from the
 * deduplicated facts by {@link BalanceRollups}), so that no answer reads the whole history. Management
 * earnings of a day = fees debited − rewards credited that day; a popug's balance after a day = their
 * changes of the months before, of the spans of seven days of its month before its span, and of the days
 * of its span up to it.
 */
@Component
class AnalyticsQueries {

    private final ClickHouse clickHouse;

    AnalyticsQueries(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    /** Both figures in one statement: one round trip to ClickHouse instead of two. */
    @QueryHandler
    AnalyticsSummary summary(FindAnalyticsSummary query) {
        Date day = Date.valueOf(query.day());
        Date month = Date.valueOf(query.day().withDayOfMonth(1));
        Date span = Date.valueOf(BalanceRollups.spanOf(query.day()));
        return clickHouse.jdbc().queryForObject("""
                SELECT (SELECT sum(earnings_cents) FROM day_earnings FINAL WHERE day = ?) AS earnings,
                       (SELECT count() FROM (
                            SELECT popug_id, sum(net_cents) AS balance FROM (
                                SELECT popug_id, net_cents FROM popug_month_changes FINAL WHERE month < ?
                                UNION ALL
                                SELECT popug_id, net_cents FROM popug_span_changes FINAL WHERE span >= ? AND span < ?
                                UNION ALL
                                SELECT popug_id, net_cents FROM popug_day_changes FINAL WHERE day >= ? AND day <= ?)
                            GROUP BY popug_id)
                        WHERE balance < 0) AS negative""",
                (rs, row) -> new AnalyticsSummary(query.day(), new Money(rs.getLong("earnings")), rs.getLong("negative")),
                day, month, month, span, span, day);
    }

    @QueryHandler
    List<EarningsOfDay> earnings(FindEarningsPerDay query) {
        Map<LocalDate, Long> byDay = new HashMap<>();
        clickHouse.jdbc().query("SELECT day, earnings_cents FROM day_earnings FINAL WHERE day >= ? AND day <= ?",
                rs -> {
                    byDay.put(rs.getDate("day").toLocalDate(), rs.getLong("earnings_cents"));
                }, Date.valueOf(query.from()), Date.valueOf(query.to()));
        List<EarningsOfDay> days = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            days.add(new EarningsOfDay(day, new Money(byDay.getOrDefault(day, 0L))));
        }
        return days;
    }

    /**
     * The highest reward of the period: the highest of its days' top rewards, with the task's title looked up
     * by id (a task written twice is the same row twice: {@code any}, not the cost of {@code FINAL} over every task).
     */
    @QueryHandler
    MostExpensiveTask mostExpensive(FindMostExpensiveTask query) {
        Date from = Date.valueOf(query.period().first(query.date()));
        Date to = Date.valueOf(query.period().last(query.date()));
        String top = """
                SELECT task_id, reward_cents, at FROM day_top_rewards FINAL WHERE day >= ? AND day <= ?
                ORDER BY reward_cents DESC, at ASC, task_id ASC LIMIT 1""";
        List<ExpensiveTask> found = clickHouse.jdbc().query("""
                SELECT task_id, reward_cents, at, title, jira_id
                FROM (%s)
                ANY LEFT JOIN (SELECT task_id, any(title) AS title, any(jira_id) AS jira_id FROM tasks
                               WHERE task_id IN (SELECT task_id FROM (%s)) GROUP BY task_id) USING task_id""".formatted(top, top),
                (rs, row) -> new ExpensiveTask(UUID.fromString(rs.getString("task_id")), emptyToNull(rs.getString("title")),
                        emptyToNull(rs.getString("jira_id")), new Money(rs.getLong("reward_cents")), rs.getTimestamp("at").toInstant()),
                from, to, from, to);
        return new MostExpensiveTask(query.period(), from.toLocalDate(), to.toLocalDate(), found.isEmpty() ? null : found.get(0));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
