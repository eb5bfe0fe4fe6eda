package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * The close of a business day as it runs: of {@code accounts} accounts, {@code settled} are settled so far,
 * {@code payouts} of them paid out, {@code total} in all; {@code failing} accounts whose settlement failed
 * and waits to be tried again; {@code finished} once the day is reported closed.
 */
public record CloseProgress(LocalDate day, int accounts, int settled, int payouts, Money total, int failing,
                            boolean finished) {

    /** The share settled, 0 to 1 (1 for a company without accounts). */
    public double share() {
        return accounts == 0 ? 1 : (double) settled / accounts;
    }
}
