package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;
import java.util.UUID;

/** At the close of {@code day} the balance was zero or negative: nothing is paid, it carries over. */
public record BalanceCarriedOver(UUID popugId, LocalDate day, Money balance) {
}
