package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * {@code day} is closing (its deadline passed, or {@code closedBy} closed it by hand): later movements
 * count toward the next day, and every account is settled for this one.
 */
public record BusinessDayCloseStarted(LocalDate day, String closedBy) {
}
