package com.uberpopug.ates.app.api;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.analytics.AnalyticsSummary;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.uberpopug.ates.api.analytics.ExpensiveTask;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindEarningsPerDay;
import com.uberpopug.ates.api.analytics.FindMostExpensiveTask;
import com.uberpopug.ates.api.analytics.MostExpensiveTask;
import com.uberpopug.ates.api.analytics.Period;
import com.uberpopug.ates.app.accounting.Days;
import com.uberpopug.ates.app.accounting.OpenBusinessDay;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** {@code /api/analytics…} (API.md), for admins: answered by ClickHouse. Days are business days. */
@RestController
class AnalyticsApi {

    private final QueryGateway queries;
    private final OpenBusinessDay openBusinessDay;

    AnalyticsApi(QueryGateway queries, OpenBusinessDay openBusinessDay) {
        this.queries = queries;
        this.openBusinessDay = openBusinessDay;
    }

    record Summary(LocalDate day, BigDecimal managementEarnings, long negativePopugs) {
    }

    record DayEarnings(LocalDate day, BigDecimal earnings) {
    }

    record Task(UUID id, String title, String jiraId, BigDecimal reward, Instant completedAt) {
    }

    record MostExpensive(String period, LocalDate from, LocalDate to, Task task) {
    }

    @GetMapping("/api/analytics/summary")
    Summary summary(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        AnalyticsSummary summary = queries.query(new FindAnalyticsSummary(day == null ? openBusinessDay.get() : Days.check("day", day)),
                AnalyticsSummary.class).join();
        return new Summary(summary.day(), summary.managementEarnings().toDollars(), summary.negativePopugs());
    }

    @GetMapping("/api/analytics/earnings")
    List<DayEarnings> earnings(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        LocalDate last = to == null ? openBusinessDay.get() : Days.check("to", to);
        LocalDate first = from == null ? last.minusDays(29) : from;
        Days.checkRange(first, last);
        return queries.query(new FindEarningsPerDay(first, last), ResponseTypes.multipleInstancesOf(EarningsOfDay.class))
                .join().stream().map(day -> new DayEarnings(day.day(), day.earnings().toDollars())).toList();
    }

    /** {@code period} is day, week (Monday to Sunday) or month; {@code date} any day in it (default: today). */
    @GetMapping("/api/analytics/most-expensive-task")
    MostExpensive mostExpensiveTask(@RequestParam(defaultValue = "day") String period,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        MostExpensiveTask found = queries.query(new FindMostExpensiveTask(period(period), date == null ? openBusinessDay.get() : Days.check("date", date)),
                MostExpensiveTask.class).join();
        ExpensiveTask task = found.task();
        return new MostExpensive(found.period().name().toLowerCase(Locale.ROOT), found.from(), found.to(), task == null ? null
                : new Task(task.id(), task.title(), task.jiraId(), task.reward().toDollars(), task.completedAt()));
    }

    private static Period period(String name) {
        for (Period period : Period.values()) {
            if (period.name().equalsIgnoreCase(name.strip())) {
                return period;
            }
        }
        throw new InvalidCommandException(List.of(new FieldProblem("period", "The period is day, week or month.")));
    }
}
