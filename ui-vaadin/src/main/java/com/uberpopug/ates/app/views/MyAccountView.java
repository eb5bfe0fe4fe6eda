package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.accounting.AccountBalance;
import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.uberpopug.ates.api.accounting.FindAuditLog;
import com.uberpopug.ates.api.accounting.FindBalance;
import com.uberpopug.ates.app.accounting.OpenBusinessDay;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * "My account": the popug's own balance and audit log, by business day (today's by default). Updates
 * live as accounting's read models take in new movements.
 */
@Route("my-account")
@PageTitle("My account | aTES")
@PermitAll
public class MyAccountView extends VerticalLayout {

    static final String NO_MOVEMENTS = "No movements on this business day.";

    private final QueryGateway queries;
    private final OpenBusinessDay openBusinessDay;
    private final UUID me;

    final Span balance = new Span();
    final DatePicker day = DayPickers.of("Business day");
    final AuditLogGrid log = new AuditLogGrid();
    final Span empty = new Span(NO_MOVEMENTS);

    public MyAccountView(QueryGateway queries, CurrentPopug currentPopug, OpenBusinessDay openBusinessDay) {
        this.queries = queries;
        this.openBusinessDay = openBusinessDay;
        this.me = currentPopug.profile().id();
        balance.getStyle().set("font-size", "var(--lumo-font-size-xxl)").set("font-weight", "600");
        day.setValue(openBusinessDay.get());
        day.addValueChangeListener(change -> refresh());
        add(new H3("My account"), new Span("Balance"), balance, day, empty, log);
        refresh();
        LiveUpdates.followAccounting(this, queries, this::refresh);
    }

    void refresh() {
        balance.setText(queries.query(new FindBalance(me), AccountBalance.class).join().balance().format());
        LocalDate shown = day.getValue() == null ? openBusinessDay.get() : day.getValue();
        List<AuditLogEntry> lines = queries.query(new FindAuditLog(me, shown, shown),
                ResponseTypes.multipleInstancesOf(AuditLogEntry.class)).join();
        log.setItems(lines);
        log.setVisible(!lines.isEmpty());
        empty.setVisible(lines.isEmpty());
    }

}
