package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.AccountOpened;
import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.api.accounting.BusinessDayClosed;
import com.uberpopug.ates.api.accounting.BusinessDayOpened;
import com.uberpopug.ates.api.accounting.ClosableDays;
import com.uberpopug.ates.api.accounting.FindClosableDays;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Accounting's command-side state next to its aggregates: which business day is open, and which
 * accounts exist (each is settled by the daily close). A subscribing processor: the rows change in the transaction of the events.
 */
@Component
@ProcessingGroup(BusinessDays.PROCESSING_GROUP)
class BusinessDays {

    static final String PROCESSING_GROUP = "accounting-ledger";

    private final JdbcTemplate jdbc;
    private final BusinessHours hours;

    BusinessDays(JdbcTemplate jdbc, BusinessHours hours) {
        this.jdbc = jdbc;
        this.hours = hours;
    }

    @EventHandler
    void on(BusinessDayOpened event) {
        jdbc.update("""
                INSERT INTO accounting_business_days (day, closes_at, status) VALUES (?, ?, 'open')
                ON CONFLICT (day) DO NOTHING""", event.day(), Timestamp.from(event.closesAt()));
    }

    @EventHandler
    void on(BusinessDayCloseStarted event) {
        jdbc.update("UPDATE accounting_business_days SET status = 'closing' WHERE day = ? AND status = 'open'", event.day());
    }

    @EventHandler
    void on(BusinessDayClosed event) {
        jdbc.update("UPDATE accounting_business_days SET status = 'closed' WHERE day = ?", event.day());
    }

    @EventHandler
    void on(AccountOpened event) {
        jdbc.update("INSERT INTO accounting_accounts (popug_id) VALUES (?) ON CONFLICT (popug_id) DO NOTHING", event.popugId());
    }

    /**
     * The day movements count toward now: the open one (before the calendar's first start: today). Read
     * once per processor batch, not per movement; the batch is one transaction, so it is the same answer.
     */
    LocalDate openDay() {
        if (!CurrentUnitOfWork.isStarted()) {
            return readOpenDay();
        }
        return CurrentUnitOfWork.get().root().getOrComputeResource(BusinessDays.class.getName() + ".openDay",
                key -> readOpenDay());
    }

    private LocalDate readOpenDay() {
        List<LocalDate> open = jdbc.queryForList("SELECT day FROM accounting_business_days WHERE status = 'open'", LocalDate.class);
        return open.isEmpty() ? hours.today() : open.get(0);
    }

    /** The rule of {@link BusinessCalendar}: a day may be closed by hand once it has begun. */
    @QueryHandler
    ClosableDays closableDays(FindClosableDays query) {
        LocalDate open = readOpenDay();
        return new ClosableDays(open, (int) Math.max(0, ChronoUnit.DAYS.between(open, hours.today()) + 1));
    }

    boolean calendarStarted() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accounting_business_days)", Boolean.class));
    }
}
