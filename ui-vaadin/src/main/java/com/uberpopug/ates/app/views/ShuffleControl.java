package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.tasks.FindShuffle;
import com.uberpopug.ates.api.tasks.ShuffleProgress;
import com.uberpopug.ates.api.tasks.StartShuffle;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;

import java.util.Locale;
import java.util.UUID;

/**
 * The Shuffle button (managers and admins): asks for confirmation, starts the shuffle, and shows its
 * progress while it runs in the background, then the result ("12,345 tasks reshuffled"). The page stays
 * usable meanwhile; the button is disabled until the shuffle ends.
 */
final class ShuffleControl extends HorizontalLayout {

    final Button shuffle = new Button("Shuffle");
    final ProgressBar bar = new ProgressBar();
    final Span status = new Span();

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final String startedBy;
    private SubscriptionQueryResult<ShuffleProgress, ShuffleProgress> following;

    ShuffleControl(CommandGateway commands, QueryGateway queries, String startedBy) {
        this.commands = commands;
        this.queries = queries;
        this.startedBy = startedBy;
        bar.setWidth("12em");
        bar.setVisible(false);
        shuffle.addClickListener(click -> confirm());
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        add(shuffle, bar, status);
        addDetachListener(detach -> stopFollowing());
    }

    private void confirm() {
        Confirmations.ask("Shuffle every open task?",
                "Each open task goes to a popug drawn at random (it may stay with the same one). "
                        + "Every new assignment charges its assignee the task's fee.",
                "Shuffle", this::start);
    }

    void start() {
        UUID shuffleId = UUID.randomUUID();
        ShuffleProgress first;
        try {
            first = commands.sendAndWait(new StartShuffle(shuffleId, startedBy));
        } catch (CommandRefusedException refused) {
            Notices.error(refused.getMessage());
            return;
        }
        shuffle.setEnabled(false);
        bar.setVisible(true);
        show(first);
        UI ui = UI.getCurrent();
        following = queries.subscriptionQuery(new FindShuffle(shuffleId), ShuffleProgress.class, ShuffleProgress.class);
        following.initialResult().subscribe(progress -> ui.access(() -> show(progress)));
        following.updates().subscribe(progress -> ui.access(() -> show(progress)));
    }

    private void show(ShuffleProgress progress) {
        if (progress == null || shuffle.isEnabled()) {
            return; // unknown, or already shown as finished
        }
        bar.setValue(progress.total() == 0 ? 1 : (double) progress.handled() / progress.total());
        if (!progress.finished()) {
            status.setText("Shuffling… " + count(progress.handled()) + " of " + count(progress.total()) + " tasks");
            return;
        }
        stopFollowing();
        shuffle.setEnabled(true);
        bar.setVisible(false);
        status.setText(result(progress));
        if (progress.failure() != null) {
            Notices.error(progress.failure());
        } else {
            Notices.success(result(progress));
        }
    }

    static String result(ShuffleProgress progress) {
        String text = count(progress.reassigned()) + (progress.reassigned() == 1 ? " task" : " tasks") + " reshuffled";
        if (progress.skipped() > 0) {
            text += "; " + count(progress.skipped()) + " done meanwhile kept their assignee";
        }
        return progress.failure() == null ? text : text + " before the shuffle stopped";
    }

    private static String count(long n) {
        return String.format(Locale.ENGLISH, "%,d", n);
    }

    private void stopFollowing() {
        if (following != null) {
            following.cancel();
            following = null;
        }
    }
}
