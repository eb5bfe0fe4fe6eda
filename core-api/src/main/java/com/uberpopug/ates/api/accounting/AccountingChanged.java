package com.uberpopug.ates.api.accounting;

/** Update of accounting subscriptions: the accounting read models took in a batch of events. */
public record AccountingChanged(int events) {
}
