package com.uberpopug.ates.api.analytics;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/** A span of business days around a date: the day itself, its week (Monday to Sunday) or its month. */
public enum Period {
    DAY, WEEK, MONTH;

    public LocalDate first(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> date.withDayOfMonth(1);
        };
    }

    public LocalDate last(LocalDate date) {
        return switch (this) {
            case DAY -> date;
            case WEEK -> first(date).plusDays(6);
            case MONTH -> date.with(TemporalAdjusters.lastDayOfMonth());
        };
    }
}
