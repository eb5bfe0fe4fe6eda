package com.uberpopug.ates.app.views;

import com.uberpopug.ates.api.accounting.AuditLogEntry;
import com.vaadin.flow.component.grid.Grid;

/** An account's audit log: when, what kind, how much (signed), and why (the task, or the payout). */
final class AuditLogGrid extends Grid<AuditLogEntry> {

    AuditLogGrid() {
        super(AuditLogEntry.class, false);
        addColumn(entry -> Moments.utc(entry.at())).setHeader("Time").setAutoWidth(true);
        addColumn(AuditLogEntry::kind).setHeader("Kind").setAutoWidth(true);
        addColumn(entry -> entry.amount().format()).setHeader("Amount").setAutoWidth(true);
        addColumn(AuditLogEntry::description).setHeader("Reason").setFlexGrow(3);
        setAllRowsVisible(true);
    }
}
