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
 * The admin's questions, answered by ClickHouse. Every read uses FINAL, so a fact written twice (a
 * redelivery, a replay) counts once. Management earnings of a day = fees debited − rewards credited that
 * day = minus the sum of that day's DEBIT and CREDIT amounts (fees are stored negative).
 */
@Component
class AnalyticsQueries {

    private final ClickHouse clickHouse;

    AnalyticsQueries(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @QueryHandler
    AnalyticsSummary summary(FindAnalyticsSummary query) {
        Date day = Date.valueOf(query.day());
        Long earnings = clickHouse.jdbc().queryForObject("""
                SELECT -sum(amount_cents) FROM balance_changes FINAL
                WHERE day = ? AND kind IN ('DEBIT', 'CREDIT')""", Long.class, day);
        // A balance after the day's movements: every change up to and including that day.
        Long negative = clickHouse.jdbc().queryForObject("""
                SELECT count() FROM (
                    SELECT popug_id, sum(amount_cents) AS balance FROM balance_changes FINAL
                    WHERE day <= ? GROUP BY popug_id)
                WHERE balance < 0""", Long.class, day);
        return new AnalyticsSummary(query.day(), new Money(earnings == null ? 0 : earnings), negative == null ? 0 : negative);
    }

    @QueryHandler
    List<EarningsOfDay> earnings(FindEarningsPerDay query) {
        Map<LocalDate, Long> byDay = new HashMap<>();
        clickHouse.jdbc().query("""
                SELECT day, -sum(amount_cents) AS earnings FROM balance_changes FINAL
                WHERE day >= ? AND day <= ? AND kind IN ('DEBIT', 'CREDIT') GROUP BY day""",
                rs -> {
                    byDay.put(rs.getDate("day").toLocalDate(), rs.getLong("earnings"));
                }, Date.valueOf(query.from()), Date.valueOf(query.to()));
        List<EarningsOfDay> days = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            days.add(new EarningsOfDay(day, new Money(byDay.getOrDefault(day, 0L))));
        }
        return days;
    }

    @QueryHandler
    MostExpensiveTask mostExpensive(FindMostExpensiveTask query) {
        LocalDate from = query.period().first(query.date());
        LocalDate to = query.period().last(query.date());
        List<ExpensiveTask> found = clickHouse.jdbc().query("""
                SELECT task_id, reward, at, title, jira_id
                FROM (SELECT task_id, amount_cents AS reward, at FROM balance_changes FINAL
                      WHERE kind = 'CREDIT' AND task_id != '' AND day >= ? AND day <= ?
                      ORDER BY amount_cents DESC, at ASC, task_id ASC LIMIT 1)
                ANY LEFT JOIN (SELECT task_id, title, jira_id FROM tasks FINAL) USING task_id""",
                (rs, row) -> new ExpensiveTask(UUID.fromString(rs.getString("task_id")), emptyToNull(rs.getString("title")),
                        emptyToNull(rs.getString("jira_id")), new Money(rs.getLong("reward")), rs.getTimestamp("at").toInstant()),
                Date.valueOf(from), Date.valueOf(to));
        return new MostExpensiveTask(query.period(), from, to, found.isEmpty() ? null : found.get(0));
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
