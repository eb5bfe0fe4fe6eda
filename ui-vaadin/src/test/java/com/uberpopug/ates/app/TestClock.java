package com.uberpopug.ates.app;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The business calendar's clock in tests: the system's time, moved forward when a test needs the open
 * business day to have begun (a day may be closed by hand only then, and each close opens the next day).
 * It only ever moves forward, and only the calendar reads it: deadlines, tokens and processors keep the
 * system's time.
 */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> ahead;
    private final ZoneId zone;

    private TestClock(AtomicReference<Duration> ahead, ZoneId zone) {
        this.ahead = ahead;
        this.zone = zone;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(ahead.get());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new TestClock(ahead, zone);
    }

    /** Moves the clock to a minute into {@code day} (in the test's company zone, UTC), unless it is there already. */
    public void letBegin(LocalDate day) {
        Instant begun = day.atStartOfDay(ZoneOffset.UTC).plusMinutes(1).toInstant();
        ahead.updateAndGet(current -> {
            Instant systemNow = Instant.now();
            return begun.isAfter(systemNow.plus(current)) ? Duration.between(systemNow, begun) : current;
        });
    }

    /** Lets the business day that is open now begin, so that it can be closed by hand; answers that day. */
    public LocalDate letOpenDayBegin(JdbcTemplate postgres) {
        LocalDate open = postgres.queryForObject("SELECT day FROM accounting_business_days WHERE status = 'open'",
                LocalDate.class);
        letBegin(open);
        return open;
    }

    /** Every test context of the whole application runs its calendar on one of these. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        TestClock testClock() {
            return new TestClock(new AtomicReference<>(Duration.ZERO), ZoneOffset.UTC);
        }
    }
}
