package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/**
 * How far the close of {@code day} has come, or with no day the close running now (the earliest day still
 * closing): answered with {@link CloseProgress}, empty if there is none.
 */
public record FindCloseProgress(LocalDate day) {
}
