package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskBoardChanged;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.time.Duration;

/**
 * Keeps a task page live: while the page is open it follows the board read model's change notices (an
 * Axon subscription query) and refreshes through server push, a few times a second at most, so a
 * shuffle of 100,000 tasks does not mean 100,000 refreshes.
 */
final class LiveTasks {

    private static final Duration REFRESH_AT_MOST_EVERY = Duration.ofMillis(250);

    private LiveTasks() {
    }

    static void follow(Component page, QueryGateway queries, Runnable refresh) {
        page.addAttachListener(attach -> {
            UI ui = attach.getUI();
            SubscriptionQueryResult<TaskPage, TaskBoardChanged> changes =
                    queries.subscriptionQuery(FindTasks.firstPage(0), TaskPage.class, TaskBoardChanged.class);
            changes.updates().sample(REFRESH_AT_MOST_EVERY).subscribe(change -> ui.access(refresh::run));
            page.addDetachListener(detach -> {
                changes.cancel();
                detach.unregisterListener();
            });
        });
    }
}
