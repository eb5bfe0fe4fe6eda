package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.messaging.processors.DeadLetters;
import com.uberpopug.ates.messaging.processors.ProcessorMonitor;
import com.uberpopug.ates.messaging.processors.ProcessorStatus;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;

import java.util.List;

/**
 * "System" for admins: every event processor (source, state, position, lag, dead letters, owner) and
 * the parked events, which can be retried after a fix or evicted. Re-read every few seconds while open.
 */
@Route("system")
@PageTitle("System | aTES")
@RolesAllowed("ADMIN")
public class SystemView extends VerticalLayout {

    static final int REFRESH_MILLIS = 5000;
    static final String NO_DEAD_LETTERS = "No dead letters: every processor handled every event it was given.";

    private final ProcessorMonitor monitor;
    private final DeadLetters deadLetters;

    final Grid<ProcessorStatus> processors = new Grid<>(ProcessorStatus.class, false);
    final Grid<DeadLetters.Letter> letters = new Grid<>(DeadLetters.Letter.class, false);
    final Span noLetters = new Span(NO_DEAD_LETTERS);
    final Span unreadable = new Span();
    final Button refresh = new Button("Refresh", click -> refresh());
    private Registration polling;

    public SystemView(ProcessorMonitor monitor, DeadLetters deadLetters) {
        this.monitor = monitor;
        this.deadLetters = deadLetters;
        processors.addColumn(ProcessorStatus::name).setHeader("Processor").setAutoWidth(true);
        processors.addColumn(ProcessorStatus::source).setHeader("Reads");
        processors.addColumn(ProcessorStatus::stateText).setHeader("State").setAutoWidth(true);
        processors.addColumn(s -> s.position() == null ? "–" : String.format("%,d", s.position())).setHeader("Position");
        processors.addColumn(s -> s.lagEvents() == null ? "–" : String.format("%,d", s.lagEvents())).setHeader("Lag (events)");
        processors.addColumn(s -> s.lagEvents() == null ? "–" : String.format("%.1f s", s.lagTime().toMillis() / 1000.0))
                .setHeader("Lag (time)");
        processors.addColumn(ProcessorStatus::deadLetters).setHeader("Dead letters");
        processors.addColumn(s -> s.owner() == null ? "–" : s.owner()).setHeader("Owner").setAutoWidth(true);
        processors.setAllRowsVisible(true);

        letters.addColumn(DeadLetters.Letter::processor).setHeader("Processor").setAutoWidth(true);
        letters.addColumn(l -> l.eventType() + " " + l.eventId()).setHeader("Event").setAutoWidth(true);
        letters.addColumn(DeadLetters.Letter::aggregate).setHeader("Aggregate").setAutoWidth(true);
        letters.addColumn(DeadLetters.Letter::enqueuedAt).setHeader("Parked at").setAutoWidth(true);
        letters.addColumn(DeadLetters.Letter::cause).setHeader("Why").setFlexGrow(1);
        letters.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
        letters.setAllRowsVisible(true);

        unreadable.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new HorizontalLayout(new H3("System"), refresh), unreadable, new H4("Event processors"), processors,
                new H4("Dead letters"), noLetters, letters);
        refresh();
    }

    void refresh() {
        try {
            processors.setItems(monitor.statuses());
            List<DeadLetters.Letter> parked = deadLetters.list(null);
            letters.setItems(parked);
            letters.setVisible(!parked.isEmpty());
            noLetters.setVisible(parked.isEmpty());
            unreadable.setText("");
        } catch (RuntimeException failed) {
            unreadable.setText("The processors' state could not be read: " + failed.getMessage());
        }
    }

    private HorizontalLayout actions(DeadLetters.Letter letter) {
        Button retry = new Button("Retry " + letter.processor(), click -> retry(letter.processor()));
        Button evict = new Button("Evict", click -> confirmEvict(letter));
        evict.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(retry, evict);
    }

    void retry(String processor) {
        try {
            DeadLetters.Retried retried = deadLetters.retry(processor);
            if (retried.stillParked() == 0) {
                Notices.success("Retried " + processor + ": every parked event was handled.");
            } else {
                Notices.error("Retried " + processor + ": " + retried.stillParked() + " event(s) failed again and stay parked.");
            }
        } catch (CommandRefusedException refused) {
            Notices.error(refused.getMessage());
        }
        refresh();
    }

    private void confirmEvict(DeadLetters.Letter letter) {
        Confirmations.askIrreversible("Evict " + letter.eventType() + "?",
                "Processor " + letter.processor() + " will never handle event " + letter.eventId()
                        + "; the events parked behind it go on.", "Evict", () -> evict(letter));
    }

    void evict(DeadLetters.Letter letter) {
        if (deadLetters.evict(letter.processor(), letter.id())) {
            Notices.success("Evicted " + letter.eventType() + " " + letter.eventId() + " from " + letter.processor() + ".");
        } else {
            Notices.error("It was no longer parked (retried or evicted meanwhile).");
        }
        refresh();
    }

    @Override
    protected void onAttach(AttachEvent attach) {
        attach.getUI().setPollInterval(REFRESH_MILLIS);
        polling = attach.getUI().addPollListener(poll -> refresh());
    }

    @Override
    protected void onDetach(DetachEvent detach) {
        detach.getUI().setPollInterval(-1);
        if (polling != null) {
            polling.remove();
        }
    }
}
