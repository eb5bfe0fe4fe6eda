package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.accounting.Money;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.LocalDate;

/** The daily close settled every account for {@code day} (module-internal, sent by {@link CloseWorkers}). */
record FinishBusinessDay(@TargetAggregateIdentifier String calendarId, LocalDate day, int payouts, Money total) {
}
