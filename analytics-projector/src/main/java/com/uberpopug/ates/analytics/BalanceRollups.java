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
 * Keeps the rollups of V5 (earnings and top reward per day, each popug's change per day, span of seven
 * days and month) in
 * step with the facts: the days and popugs a batch brought facts of are recomputed from the deduplicated
 * facts once the batch's facts are written, before its token is stored. A recomputation replaces the row it
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
     * Every statement names its version first; the popugs of the batch come last. A span and a month are
     * recomputed once per batch, for the popugs of all its days the batch touched.
     */
    private void recompute(Map<LocalDate, Set<String>> touched) {
        Map<LocalDate, Set<String>> spans = new TreeMap<>();
        Map<LocalDate, Set<String>> months = new TreeMap<>();
        touched.forEach((day, popugs) -> {
            Date date = Date.valueOf(day);
            rollUp("""
                    INSERT INTO day_earnings (version, day, earnings_cents)
                    SELECT ?, toDate(?), -sumIf(amount_cents, kind IN ('DEBIT', 'CREDIT')) FROM balance_changes FINAL WHERE day = ?""",
                    Set.of(), date, date);
            rollUp("""
                    INSERT INTO day_top_rewards (version, day, task_id, reward_cents, at)
                    SELECT ?, day, task_id, amount_cents, at FROM balance_changes FINAL
                    WHERE day = ? AND kind = 'CREDIT' AND task_id != ''
                    ORDER BY amount_cents DESC, at ASC, task_id ASC LIMIT 1""", Set.of(), date);
            rollUp("""
                    INSERT INTO popug_day_changes (version, day, popug_id, net_cents)
                    SELECT ?, day, popug_id, sum(amount_cents) FROM balance_changes FINAL
                    WHERE day = ? AND %s GROUP BY day, popug_id""".formatted(ofPopugs(popugs)), popugs, date);
            spans.computeIfAbsent(spanOf(day), span -> new TreeSet<>()).addAll(popugs);
            months.computeIfAbsent(day.withDayOfMonth(1), month -> new TreeSet<>()).addAll(popugs);
        });
        spans.forEach((span, popugs) -> rollUp("""
                INSERT INTO popug_span_changes (version, span, popug_id, net_cents)
                SELECT ?, toDate(?), popug_id, sum(net_cents) FROM popug_day_changes FINAL
                WHERE day >= ? AND day <= ? AND %s GROUP BY popug_id""".formatted(ofPopugs(popugs)), popugs,
                Date.valueOf(span), Date.valueOf(span), Date.valueOf(lastDayOfSpan(span))));
        months.forEach((month, popugs) -> rollUp("""
                INSERT INTO popug_month_changes (version, month, popug_id, net_cents)
                SELECT ?, toDate(?), popug_id, sum(net_cents) FROM popug_span_changes FINAL
                WHERE span >= ? AND span <= ? AND %s GROUP BY popug_id""".formatted(ofPopugs(popugs)), popugs,
                Date.valueOf(month), Date.valueOf(month), Date.valueOf(month.plusMonths(1).minusDays(1))));
    }

    private static String ofPopugs(Set<String> popugs) {
        return "popug_id IN (" + String.join(", ", Collections.nCopies(popugs.size(), "?")) + ")";
    }

    private void rollUp(String sql, Set<String> popugs, Object... values) {
        List<Object> args = new ArrayList<>();
        args.add(nextVersion());
        args.addAll(List.of(values));
        args.addAll(popugs);
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
