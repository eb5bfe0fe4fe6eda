package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.Money;
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
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * "Analytics" for admins, from ClickHouse: the open business day's management earnings and popugs in the
 * negative as big numbers, the most expensive task of a day, week or month, and management earnings per
 * day over a chosen range (the last 30 days by default) as a chart with its total. Every figure names its
 * business day or period. Refreshes when ClickHouse took in new balance changes, and on the Refresh button.
 */
@Route("analytics")
@PageTitle("Analytics | aTES")
@RolesAllowed("ADMIN")
public class AnalyticsView extends VerticalLayout {

    static final int DEFAULT_DAYS = 30;
    static final String NO_TASK = "No task was completed in this period.";

    private final QueryGateway queries;
    private final OpenBusinessDay openBusinessDay;

    final H4 todayTitle = new H4();
    final Span earningsToday = bigNumber();
    final Span negativeToday = bigNumber();
    final Select<Period> period = new Select<>();
    final DatePicker date = DayPickers.of("Any day in the period");
    final Span mostExpensive = new Span();
    final DatePicker from = DayPickers.of("From");
    final DatePicker to = DayPickers.of("To");
    final H4 chartTitle = new H4();
    final Div chart = new Div();
    final Span rangeTotal = new Span();
    final Span noEarnings = new Span();
    final Button refresh = new Button("Refresh", click -> refresh());
    private final FieldErrors rangeErrors = new FieldErrors(Map.of("from", from, "to", to));

    public AnalyticsView(QueryGateway queries, OpenBusinessDay openBusinessDay) {
        this.queries = queries;
        this.openBusinessDay = openBusinessDay;
        earningsToday.setId("earnings-today");
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> switch (p) {
            case DAY -> "Day";
            case WEEK -> "Week (Monday to Sunday)";
            case MONTH -> "Month";
        });
        period.setValue(Period.DAY);
        LocalDate today = openBusinessDay.get();
        date.setValue(today);
        period.addValueChangeListener(change -> showMostExpensive());
        date.addValueChangeListener(change -> showMostExpensive());
        from.setValue(today.minusDays(DEFAULT_DAYS - 1));
        to.setValue(today);
        from.addValueChangeListener(change -> showEarnings());
        to.addValueChangeListener(change -> showEarnings());

        HorizontalLayout figures = new HorizontalLayout(figure("Management earnings", earningsToday),
                figure("Popugs in the negative", negativeToday), refresh);
        figures.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        HorizontalLayout range = new HorizontalLayout(from, to);
        range.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        add(new H3("Analytics"), todayTitle, figures, new H4("Most expensive task"), new HorizontalLayout(period, date),
                mostExpensive, chartTitle, range, rangeTotal, noEarnings, chart);
        refresh();
        LiveUpdates.followAnalytics(this, queries, this::refresh);
    }

    void refresh() {
        LocalDate today = openBusinessDay.get();
        todayTitle.setText("Business day " + today + " (open)");
        AnalyticsSummary summary = queries.query(new FindAnalyticsSummary(today), AnalyticsSummary.class).join();
        earningsToday.setText(summary.managementEarnings().format());
        negativeToday.setText(String.format(Locale.ENGLISH, "%,d", summary.negativePopugs()));
        showEarnings();
        showMostExpensive();
    }

    private void showEarnings() {
        rangeErrors.clear();
        chartTitle.setText("Management earnings per day");
        if (from.getValue() == null || to.getValue() == null) {
            showNoChart("Choose the first and the last business day.");
            return;
        }
        try {
            Days.checkRange(from.getValue(), to.getValue());
        } catch (InvalidCommandException refused) {
            rangeErrors.show(refused.problems());
            showNoChart("Choose a range of at most " + Days.MAX_DAYS + " days that starts before it ends.");
            return;
        }
        chartTitle.setText("Management earnings per day, " + from.getValue() + " to " + to.getValue());
        List<EarningsOfDay> days = queries.query(new FindEarningsPerDay(from.getValue(), to.getValue()),
                ResponseTypes.multipleInstancesOf(EarningsOfDay.class)).join();
        if (days.stream().allMatch(day -> day.earnings().cents() == 0)) {
            showNoChart("No fees nor rewards from " + from.getValue() + " to " + to.getValue() + ".");
            return;
        }
        chart.removeAll();
        chart.add(EarningsChart.of(days));
        chart.setVisible(true);
        noEarnings.setVisible(false);
        Money total = days.stream().map(EarningsOfDay::earnings).reduce(Money.ZERO, Money::plus);
        EarningsOfDay best = days.stream().max(Comparator.comparing(EarningsOfDay::earnings)).orElseThrow();
        EarningsOfDay worst = days.stream().min(Comparator.comparing(EarningsOfDay::earnings)).orElseThrow();
        rangeTotal.setText("In all: " + total.format() + "; best day " + best.day() + " (" + best.earnings().format()
                + "), worst day " + worst.day() + " (" + worst.earnings().format() + ").");
        rangeTotal.setVisible(true);
    }

    private void showNoChart(String why) {
        chart.removeAll();
        chart.setVisible(false);
        rangeTotal.setVisible(false);
        noEarnings.setText(why);
        noEarnings.setVisible(true);
    }

    private void showMostExpensive() {
        if (period.getValue() == null || date.getValue() == null) {
            mostExpensive.setText("Choose a period and a day in it.");
            return;
        }
        MostExpensiveTask found = queries.query(new FindMostExpensiveTask(period.getValue(), date.getValue()),
                MostExpensiveTask.class).join();
        ExpensiveTask task = found.task();
        String span = found.from().equals(found.to()) ? "Business day " + found.from() : found.from() + " to " + found.to();
        mostExpensive.setText(span + ": " + (task == null ? NO_TASK
                : "'" + (task.title() == null ? task.id() : task.title()) + "'"
                + (task.jiraId() == null ? "" : " (" + task.jiraId() + ")") + ", " + task.reward().format()
                + " reward, completed " + Moments.utc(task.completedAt())));
    }

    private static Span bigNumber() {
        Span number = new Span();
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        return number;
    }

    private static VerticalLayout figure(String label, Span number) {
        Span caption = new Span(label);
        caption.getStyle().set("white-space", "nowrap");
        VerticalLayout figure = new VerticalLayout(caption, number);
        figure.setPadding(false);
        figure.setSpacing(false);
        return figure;
    }
}
