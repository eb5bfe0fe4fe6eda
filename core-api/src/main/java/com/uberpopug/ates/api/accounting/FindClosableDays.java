package com.uberpopug.ates.api.accounting;

/** Which business days a close by hand may close now, one after another: answered with {@link ClosableDays}. */
public record FindClosableDays() {
}
