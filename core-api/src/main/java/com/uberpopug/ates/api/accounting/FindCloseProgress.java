package com.uberpopug.ates.api.accounting;

import java.time.LocalDate;

/** How far the close of {@code day} has come: answered with {@link CloseProgress}, empty if it never started. */
public record FindCloseProgress(LocalDate day) {
}
