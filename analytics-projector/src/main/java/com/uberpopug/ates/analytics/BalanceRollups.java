package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.analytics.AnalyticsChanged;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.messaging.api.PerBatch;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the rollups of V5 and V6 (earnings and top reward per day, each popug's change per day, span of
 * seven days and month) in step with the facts: the popugs a batch brought facts of are recomputed from
 * their deduplicated facts of the day, and the day, span and month rows from those, once the batch's facts
 * are written and before its token is stored. A recomputation replaces the row it
 * recomputes (a higher version), so a redelivered batch, a replay or a crash between the two writes leaves
 * every rollup as the facts say. Once the batch is committed, open Analytics pages are told
 * ({@link AnalyticsChanged}): they read ClickHouse, which trails accounting's own read models.
 */
final class BalanceRollups {

    /** Each recomputation gets a higher version than the ones before it, also within one millisecond. */
    private static final AtomicLong VERSIONS = new AtomicLong();

    private final ClickHouse clickHouse;
    private final QueryUpdateEmitter updates;

    BalanceRollups(ClickHouse clickHouse, QueryUpdateEmitter updates) {
        this.clickHouse = clickHouse;
        this.updates = updates;
    }

    /** A fact of this day and popug was written (or is in the batch): its rollups are recomputed. */
    void touched(LocalDate day, String popugId) {
        PerBatch.resource(BalanceRollups.class.getName(), TreeMap<LocalDate, Set<String>>::new,
                        days -> {
                            ClickHouseBatch.flushNow(MoneyFactsProjector.INSERT);
                            recompute(days);
                        },
                        days -> tell(days.size()))
                .ifPresentOrElse(days -> days.computeIfAbsent(day, d -> new TreeSet<>()).add(popugId), () -> {
                    recompute(Map.of(day, Set.of(popugId)));
                    tell(1);
                });
    }

    private void tell(int days) {
        updates.emit(FindAnalyticsSummary.class, query -> true, new AnalyticsChanged(days));
    }

    void truncate() {
        for (String table : List.of("day_earnings", "day_top_rewards", "popug_day_changes", "popug_span_changes",
                "popug_month_changes")) {
            clickHouse.jdbc().execute("TRUNCATE TABLE " + table);
        }
    }

    /**
     * Every statement names its version first. The batch's popugs of a day are recomputed from their facts (a
     * range of the key each); the day's earnings and top reward then from the day's popug rows, at most one per
     * popug (V6), never from all the facts of a busy day. A span and a month are recomputed once per batch, for
     * the popugs of all its days the batch touched.
     */
    private void recompute(Map<LocalDate, Set<String>> touched) {
        Map<LocalDate, Set<String>> spans = new TreeMap<>();
        Map<LocalDate, Set<String>> months = new TreeMap<>();
        touched.forEach((day, popugs) -> {
            Date date = Date.valueOf(day);
            rollUp("""
                    INSERT INTO popug_day_changes (version, day, popug_id, net_cents, task_cents, top_task_id, top_reward_cents, top_at)
                    SELECT ?, day, popug_id, net_cents, task_cents, top_task_id, top_reward_cents, top_at FROM (
                        SELECT day, popug_id, sum(amount_cents) AS net_cents,
                               sumIf(amount_cents, kind IN ('DEBIT', 'CREDIT')) AS task_cents
                        FROM balance_changes FINAL WHERE day = ? AND %1$s GROUP BY day, popug_id)
                    ANY LEFT JOIN (
                        SELECT day, popug_id, task_id AS top_task_id, amount_cents AS top_reward_cents, at AS top_at
                        FROM balance_changes FINAL WHERE day = ? AND %1$s AND kind = 'CREDIT' AND task_id != ''
                        ORDER BY day, popug_id, amount_cents DESC, at ASC, task_id ASC LIMIT 1 BY day, popug_id)
                    USING day, popug_id""".formatted(ofPopugs(popugs)), date, popugs, date, popugs);
            rollUp("""
                    INSERT INTO day_earnings (version, day, earnings_cents)
                    SELECT ?, toDate(?), -sum(task_cents) FROM popug_day_changes FINAL WHERE day = ?""", date, date);
            rollUp("""
                    INSERT INTO day_top_rewards (version, day, task_id, reward_cents, at)
                    SELECT ?, day, top_task_id, top_reward_cents, top_at FROM popug_day_changes FINAL
                    WHERE day = ? AND top_task_id != ''
                    ORDER BY top_reward_cents DESC, top_at ASC, top_task_id ASC LIMIT 1""", date);
            spans.computeIfAbsent(spanOf(day), span -> new TreeSet<>()).addAll(popugs);
            months.computeIfAbsent(day.withDayOfMonth(1), month -> new TreeSet<>()).addAll(popugs);
        });
        spans.forEach((span, popugs) -> rollUp("""
                INSERT INTO popug_span_changes (version, span, popug_id, net_cents)
                SELECT ?, toDate(?), popug_id, sum(net_cents) FROM popug_day_changes FINAL
                WHERE day >= ? AND day <= ? AND %s GROUP BY popug_id""".formatted(ofPopugs(popugs)),
                Date.valueOf(span), Date.valueOf(span), Date.valueOf(lastDayOfSpan(span)), popugs));
        months.forEach((month, popugs) -> rollUp("""
                INSERT INTO popug_month_changes (version, month, popug_id, net_cents)
                SELECT ?, toDate(?), popug_id, sum(net_cents) FROM popug_span_changes FINAL
                WHERE span >= ? AND span <= ? AND %s GROUP BY popug_id""".formatted(ofPopugs(popugs)),
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1).minusDays(1)), popugs));
    }

    private static String ofPopugs(Set<String> popugs) {
        return "popug_id IN (" + String.join(", ", Collections.nCopies(popugs.size(), "?")) + ")";
    }

    /** The statement's version, then its values in order; a set of popugs stands for its members. */
    private void rollUp(String sql, Object... values) {
        List<Object> args = new ArrayList<>();
        args.add(nextVersion());
        for (Object value : values) {
            if (value instanceof Set<?> popugs) {
                args.addAll(popugs);
            } else {
                args.add(value);
            }
        }
        clickHouse.jdbc().update(sql, args.toArray());
    }

    /** The seven days of a month a day belongs to (1-7, 8-14, 15-21, 22-28, 29-31), named by its first day. */
    static LocalDate spanOf(LocalDate day) {
        return day.withDayOfMonth((day.getDayOfMonth() - 1) / 7 * 7 + 1);
    }

    private static LocalDate lastDayOfSpan(LocalDate span) {
        LocalDate seventh = span.plusDays(6);
        return seventh.getMonth() == span.getMonth() ? seventh : span.withDayOfMonth(span.lengthOfMonth());
    }

    private static long nextVersion() {
        long now = System.currentTimeMillis() * 1000;
        return VERSIONS.updateAndGet(last -> Math.max(last + 1, now));
    }
}
