package com.uberpopug.ates.api.accounting;

import java.time.Instant;
import java.time.LocalDate;

/** A business day: open, closing or closed; when it closes by itself; its payouts once closed. */
public record BusinessDaySummary(LocalDate day, String status, Instant closesAt, int payouts, Money total) {

    public boolean closed() {
        return "closed".equals(status);
    }
}
