package com.uberpopug.ates.app.views;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** A moment as the pages write it: {@code 2026-12-04 23:59:59 UTC}, not an ISO instant with a T and a Z. */
final class Moments {

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Moments() {
    }

    static String utc(Instant moment) {
        return UTC.format(moment);
    }
}
