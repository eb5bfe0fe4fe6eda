package com.uberpopug.ates.api.accounting;

import java.util.UUID;

/** One popug's {@link AccountBalance}; zero for a popug without movements yet. */
public record FindBalance(UUID popugId) {
}
