package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.analytics.AnalyticsSummary;
import com.uberpopug.ates.api.analytics.EarningsOfDay;
import com.uberpopug.ates.api.analytics.ExpensiveTask;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindEarningsPerDay;
import com.uberpopug.ates.api.analytics.FindMostExpensiveTask;
import com.uberpopug.ates.api.analytics.MostExpensiveTask;
import com.uberpopug.ates.api.analytics.Period;
import com.uberpopug.ates.app.accounting.OpenBusinessDay;
import com.vaadin.flow.component.Svg;
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
import java.util.List;
import java.util.Locale;

/**
 * "Analytics" for admins, from ClickHouse: today's management earnings and popugs in the negative as
 * big numbers, the most expensive task of a day, week or month, and earnings per day as a chart. Refreshes
 * when accounting changes, and on the Refresh button.
 */
@Route("analytics")
@PageTitle("Analytics | aTES")
@RolesAllowed("ADMIN")
public class AnalyticsView extends VerticalLayout {

    static final int CHART_DAYS = 30;
    static final String NO_TASK = "No task was completed in this period.";

    private final QueryGateway queries;
    private final OpenBusinessDay openBusinessDay;

    final Span earningsToday = bigNumber();
    final Span negativeToday = bigNumber();
    final Select<Period> period = new Select<>();
    final DatePicker date = new DatePicker("Date");
    final Span mostExpensive = new Span();
    final Div chart = new Div();
    final Span noEarnings = new Span("No movements in the last " + CHART_DAYS + " days.");
    final Button refresh = new Button("Refresh", click -> refresh());

    public AnalyticsView(QueryGateway queries, OpenBusinessDay openBusinessDay) {
        this.queries = queries;
        this.openBusinessDay = openBusinessDay;
        period.setLabel("Period");
        period.setItems(Period.values());
        period.setItemLabelGenerator(p -> switch (p) {
            case DAY -> "Day";
            case WEEK -> "Week (Monday to Sunday)";
            case MONTH -> "Month";
        });
        period.setValue(Period.DAY);
        date.setValue(openBusinessDay.get());
        period.addValueChangeListener(change -> showMostExpensive());
        date.addValueChangeListener(change -> showMostExpensive());

        HorizontalLayout today = new HorizontalLayout(figure("Management earnings today", earningsToday),
                figure("Popugs in the negative", negativeToday), refresh);
        today.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.END);
        HorizontalLayout picker = new HorizontalLayout(period, date);
        add(new H3("Analytics"), today, new H4("Most expensive task"), picker, mostExpensive,
                new H4("Management earnings per day (last " + CHART_DAYS + " days)"), noEarnings, chart);
        refresh();
        LiveUpdates.followAccounting(this, queries, this::refresh);
    }

    void refresh() {
        LocalDate today = openBusinessDay.get();
        AnalyticsSummary summary = queries.query(new FindAnalyticsSummary(today), AnalyticsSummary.class).join();
        earningsToday.setText(summary.managementEarnings().format());
        negativeToday.setText(String.format(Locale.ENGLISH, "%,d", summary.negativePopugs()));
        List<EarningsOfDay> days = queries.query(new FindEarningsPerDay(today.minusDays(CHART_DAYS - 1), today),
                ResponseTypes.multipleInstancesOf(EarningsOfDay.class)).join();
        boolean none = days.stream().allMatch(day -> day.earnings().cents() == 0);
        chart.removeAll();
        Svg svg = EarningsChart.of(days);
        chart.add(svg);
        chart.setVisible(!none);
        noEarnings.setVisible(none);
        showMostExpensive();
    }

    private void showMostExpensive() {
        if (period.getValue() == null || date.getValue() == null) {
            mostExpensive.setText("Choose a period and a date.");
            return;
        }
        MostExpensiveTask found = queries.query(new FindMostExpensiveTask(period.getValue(), date.getValue()),
                MostExpensiveTask.class).join();
        ExpensiveTask task = found.task();
        String span = found.from().equals(found.to()) ? found.from().toString() : found.from() + " to " + found.to();
        mostExpensive.setText(task == null ? NO_TASK + " (" + span + ")"
                : "'" + (task.title() == null ? task.id() : task.title()) + "'"
                + (task.jiraId() == null ? "" : " (" + task.jiraId() + ")") + ": " + task.reward().format()
                + " reward, completed " + task.completedAt() + " (" + span + ")");
    }

    private static Span bigNumber() {
        Span number = new Span();
        number.getStyle().set("font-size", "var(--lumo-font-size-xxxl)").set("font-weight", "600");
        return number;
    }

    private static VerticalLayout figure(String label, Span number) {
        VerticalLayout figure = new VerticalLayout(new Span(label), number);
        figure.setPadding(false);
        figure.setSpacing(false);
        return figure;
    }
}
