package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.api.accounting.BusinessDayClosed;
import com.uberpopug.ates.api.accounting.BusinessDayOpened;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The business days of the company, one open at a time. Each open day carries a deadline in Axon's
 * persistent deadline manager (db-scheduler on PostgreSQL: it survives restarts and fires once across
 * instances) at its closing time; when it fires, or when an admin closes the day early, the day starts
 * closing and the next one opens at once, so later movements count toward the next day. An admin may
 * close only a day that has begun: the open day never runs ahead of the calendar, and keeps its deadline.
 */
@Aggregate
class BusinessCalendar {

    static final String ID = "business-calendar";
    static final String CLOSE_DEADLINE = "close-business-day";

    @AggregateIdentifier
    private String calendarId;
    private LocalDate firstDay;
    private LocalDate openDay;
    private final Set<LocalDate> finished = new HashSet<>();

    BusinessCalendar() {
        // for Axon
    }

    @CommandHandler
    BusinessCalendar(StartBusinessCalendar command, DeadlineManager deadlines, BusinessHours hours) {
        open(hours.today(), deadlines, hours);
    }

    /**
     * An admin closes the open day now, if it has begun in the company's time zone; answers the day that
     * is closing. A day that has not begun is refused, so a second close on one calendar day (a retried
     * request, a double click) cannot run the business days ahead of the calendar.
     */
    @CommandHandler
    LocalDate handle(CloseCalendarDay command, DeadlineManager deadlines, BusinessHours hours) {
        LocalDate day = command.day() == null ? openDay : command.day();
        if (day.isBefore(firstDay)) {
            throw new CommandRefusedException("The business day " + day + " was never open: the first business day is "
                    + firstDay + ".");
        }
        if (day.isBefore(openDay)) {
            throw new CommandRefusedException("The business day " + day
                    + (finished.contains(day) ? " is already closed" : " is closing already") + "; the open day is " + openDay + ".");
        }
        if (day.isAfter(openDay)) {
            throw new CommandRefusedException("The business day " + day + " is not open; the open day is " + openDay + ".");
        }
        if (openDay.isAfter(hours.today())) {
            throw new CommandRefusedException("The open business day " + openDay + " has not begun yet: it begins at "
                    + hours.beginningOf(openDay) + " and closes by itself at " + hours.closingTimeOf(openDay)
                    + ". Business days never run ahead of the calendar.");
        }
        close(openDay, command.closedBy(), deadlines, hours);
        return day;
    }

    @DeadlineHandler(deadlineName = CLOSE_DEADLINE)
    void onClosingTime(CloseDeadline deadline, DeadlineManager deadlines, BusinessHours hours) {
        // A day closed early by hand has no deadline left; a late firing for another day changes nothing.
        if (deadline.day().equals(openDay)) {
            close(openDay, "the closing time", deadlines, hours);
        }
    }

    @CommandHandler
    void handle(FinishBusinessDay command) {
        if (!finished.contains(command.day())) {
            apply(new BusinessDayClosed(command.day(), command.payouts(), command.total()));
        }
    }

    private void close(LocalDate day, String closedBy, DeadlineManager deadlines, BusinessHours hours) {
        deadlines.cancelAllWithinScope(CLOSE_DEADLINE);
        apply(new BusinessDayCloseStarted(day, closedBy));
        open(day.plusDays(1), deadlines, hours);
    }

    private void open(LocalDate day, DeadlineManager deadlines, BusinessHours hours) {
        apply(new BusinessDayOpened(day, hours.closingOf(day)));
        deadlines.schedule(hours.closingOf(day), CLOSE_DEADLINE, new CloseDeadline(day));
    }

    @EventSourcingHandler
    void on(BusinessDayOpened event) {
        calendarId = ID;
        if (firstDay == null) {
            firstDay = event.day();
        }
        openDay = event.day();
    }

    @EventSourcingHandler
    void on(BusinessDayClosed event) {
        finished.add(event.day());
    }

    /** The deadline's payload: which day it closes. */
    record CloseDeadline(LocalDate day) {
    }
}
