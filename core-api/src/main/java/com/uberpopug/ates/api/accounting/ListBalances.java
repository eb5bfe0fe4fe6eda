package com.uberpopug.ates.api.accounting;

/** Every account's {@link AccountBalance}, by username. */
public record ListBalances() {
}
