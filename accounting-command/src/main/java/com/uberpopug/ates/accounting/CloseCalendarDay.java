package com.uberpopug.ates.accounting;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** {@link com.uberpopug.ates.api.accounting.CloseBusinessDay} routed to the one calendar (module-internal). */
record CloseCalendarDay(@TargetAggregateIdentifier String calendarId, LocalDate day, String closedBy) {
}
