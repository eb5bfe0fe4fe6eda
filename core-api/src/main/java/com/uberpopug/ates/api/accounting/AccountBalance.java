package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/** A popug's balance as the balances read model shows it (names may lag behind a brand-new popug). */
public record AccountBalance(UUID popugId, String username, String fullName, Money balance) {
}
