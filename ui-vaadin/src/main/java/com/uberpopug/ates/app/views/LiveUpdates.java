package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.accounting.AccountingChanged;
import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.api.analytics.AnalyticsChanged;
import com.uberpopug.ates.api.analytics.AnalyticsSummary;
import com.uberpopug.ates.api.analytics.FindAnalyticsSummary;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskBoardChanged;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;
import java.time.LocalDate;

/**
 * Keeps a page live: while it is open it follows a read model's change notices (an Axon subscription
 * query) and refreshes through server push, a few times a second at most, so a shuffle of 100,000 tasks
 * or a daily close does not mean thousands of refreshes.
 */
final class LiveUpdates {

    private static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMillis(250);

    private LiveUpdates() {
    }

    /** Refreshes when the task board read model changed. */
    static void followTasks(Component page, QueryGateway queries, Runnable refresh) {
        follow(page, refresh, () -> queries.subscriptionQuery(FindTasks.firstPage(0), TaskPage.class, TaskBoardChanged.class));
    }

    /** Refreshes when the accounting read models changed. */
    static void followAccounting(Component page, QueryGateway queries, Runnable refresh) {
        follow(page, refresh, () -> queries.subscriptionQuery(new FindBusinessDay(null), BusinessDaySummary.class,
                AccountingChanged.class));
    }

    /**
     * Refreshes when ClickHouse took in balance changes (it trails accounting's read models). The
     * subscription's initial result is not used; it asks for a day without movements, which answers at once.
     */
    static void followAnalytics(Component page, QueryGateway queries, Runnable refresh) {
        follow(page, refresh, () -> queries.subscriptionQuery(new FindAnalyticsSummary(LocalDate.EPOCH), AnalyticsSummary.class,
                AnalyticsChanged.class));
    }

    private static void follow(Component page, Runnable refresh,
                               java.util.function.Supplier<SubscriptionQueryResult<?, ?>> subscribe) {
        page.addAttachListener(attach -> {
            UI ui = attach.getUI();
            SubscriptionQueryResult<?, ?> changes = subscribe.get();
            changes.updates().sample(REFRESH_AT_MOST_EVERY).subscribe(change -> ui.access(refresh::run));
            page.addDetachListener(detach -> {
                changes.cancel();
                detach.unregisterListener();
            });
        });
    }
}
