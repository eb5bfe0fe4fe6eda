package com.uberpopug.ates.accounting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * When business days end: at {@code closeAt} in the company's time zone. The clock is given in, so that
 * tests can move time.
 */
record BusinessHours(ZoneId zone, LocalTime closeAt, Clock clock) {

    /** The moment {@code day} closes by itself. */
    Instant closingOf(LocalDate day) {
        return day.atTime(closeAt).atZone(zone).toInstant();
    }

    /** When {@code day} begins in the company's zone, for people ("2026-12-04 00:00 (Europe/Berlin)"). */
    String beginningOf(LocalDate day) {
        return day + " 00:00 (" + zone.getId() + ")";
    }

    /** When {@code day} closes by itself, for people ("2026-12-04 23:59:59 (Europe/Berlin)"). */
    String closingTimeOf(LocalDate day) {
        return day + " " + closeAt + " (" + zone.getId() + ")";
    }

    /** The calendar day now, in the company's zone. */
    LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }
}
