package com.uberpopug.ates.app.accounting;

import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * "Today" for money questions: the open business day as accounting's read model knows it (an early close
 * moves it ahead of the calendar); the UTC date before the first business day exists.
 */
@Component
public class OpenBusinessDay {

    private final QueryGateway queries;

    OpenBusinessDay(QueryGateway queries) {
        this.queries = queries;
    }

    public LocalDate get() {
        BusinessDaySummary open = queries.query(new FindBusinessDay(null), BusinessDaySummary.class).join();
        return open == null ? LocalDate.now(ZoneOffset.UTC) : open.day();
    }
}
