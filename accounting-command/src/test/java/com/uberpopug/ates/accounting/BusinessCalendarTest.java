package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.accounting.BusinessDayCloseStarted;
import com.uberpopug.ates.api.accounting.BusinessDayClosed;
import com.uberpopug.ates.api.accounting.BusinessDayOpened;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import static com.uberpopug.ates.api.accounting.Money.dollars;

/** The business days and their deadlines, with the fixture's clock moved by {@code whenTimeElapses}. */
class BusinessCalendarTest {

    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);
    private static final LocalDate TUESDAY = MONDAY.plusDays(1);
    private static final LocalDate WEDNESDAY = TUESDAY.plusDays(1);
    /** Monday 10:00 in Berlin. */
    private static final Instant MONDAY_MORNING = MONDAY.atTime(10, 0).atZone(ZONE).toInstant();

    /** Tuesday 09:00 in Berlin. */
    private static final Instant TUESDAY_MORNING = TUESDAY.atTime(9, 0).atZone(ZONE).toInstant();

    private final BusinessHours hours = hoursAt(MONDAY_MORNING);
    private FixtureConfiguration<BusinessCalendar> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixtureWith(hours);
    }

    private static BusinessHours hoursAt(Instant now) {
        return new BusinessHours(ZONE, LocalTime.of(23, 59, 59), Clock.fixed(now, ZONE));
    }

    private static FixtureConfiguration<BusinessCalendar> fixtureWith(BusinessHours hours) {
        FixtureConfiguration<BusinessCalendar> fixture = new AggregateTestFixture<>(BusinessCalendar.class);
        fixture.registerInjectableResource(hours);
        fixture.setReportIllegalStateChange(false);
        return fixture;
    }

    @Test
    void anAdminClosesTheOpenDayEarlyAndTheNextOpensAtOnce() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID))
                .when(new CloseCalendarDay(BusinessCalendar.ID, null, "admin"))
                .expectEvents(new BusinessDayCloseStarted(MONDAY, "admin"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)));
    }

    @Test
    void startingOpensTheDayAndSchedulesItsClose() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .when(new StartBusinessCalendar(BusinessCalendar.ID))
                .expectEvents(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)))
                .expectScheduledDeadlineWithName(Duration.between(MONDAY_MORNING, hours.closingOf(MONDAY)),
                        BusinessCalendar.CLOSE_DEADLINE);
    }

    @Test
    void atTheClosingTimeTheDayClosesAndTheNextOpens() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID))
                .whenTimeElapses(Duration.between(MONDAY_MORNING, hours.closingOf(MONDAY)).plusSeconds(1))
                .expectTriggeredDeadlinesWithName(BusinessCalendar.CLOSE_DEADLINE)
                .expectEvents(new BusinessDayCloseStarted(MONDAY, "the closing time"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)));
    }

    @Test
    void aDayClosedByHandDoesNotCloseAgainAtItsClosingTime() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID),
                        new CloseCalendarDay(BusinessCalendar.ID, MONDAY, "admin"))
                .whenTimeElapses(Duration.between(MONDAY_MORNING, hours.closingOf(MONDAY)).plusSeconds(1))
                .expectNoEvents();
    }

    @Test
    void theDayOpenedByAnEarlyCloseClosesAtItsOwnTime() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID),
                        new CloseCalendarDay(BusinessCalendar.ID, MONDAY, "admin"))
                .whenTimeElapses(Duration.between(MONDAY_MORNING, hours.closingOf(TUESDAY)).plusSeconds(1))
                .expectEvents(new BusinessDayCloseStarted(TUESDAY, "the closing time"),
                        new BusinessDayOpened(WEDNESDAY, hours.closingOf(WEDNESDAY)));
    }

    @Test
    void aLaterDayThanTheOpenOneIsNotOpen() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID))
                .when(new CloseCalendarDay(BusinessCalendar.ID, TUESDAY, "admin"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The business day 2026-11-24 is not open; the open day is 2026-11-23.");
    }

    @Test
    void aSecondCloseOnTheSameCalendarDayIsRefusedAndTheOpenDayKeepsItsDeadline() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID),
                        new CloseCalendarDay(BusinessCalendar.ID, null, "admin"))
                .when(new CloseCalendarDay(BusinessCalendar.ID, null, "admin"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The open business day 2026-11-24 has not begun yet: it begins at "
                        + "2026-11-24 00:00 (Europe/Berlin) and closes by itself at 2026-11-24 23:59:59 (Europe/Berlin). "
                        + "Business days never run ahead of the calendar.")
                .expectScheduledDeadlineWithName(Duration.between(MONDAY_MORNING, hours.closingOf(TUESDAY)),
                        BusinessCalendar.CLOSE_DEADLINE);
    }

    @Test
    void theNextDayCanBeClosedByHandOnceItHasBegun() {
        fixtureWith(hoursAt(TUESDAY_MORNING))
                .given(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)),
                        new BusinessDayCloseStarted(MONDAY, "admin"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)))
                .when(new CloseCalendarDay(BusinessCalendar.ID, TUESDAY, "admin"))
                .expectEvents(new BusinessDayCloseStarted(TUESDAY, "admin"),
                        new BusinessDayOpened(WEDNESDAY, hours.closingOf(WEDNESDAY)))
                .expectResultMessagePayload(TUESDAY);
    }

    @Test
    void aClosedDayIsRefusedNamingIt() {
        fixtureWith(hoursAt(TUESDAY_MORNING))
                .given(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)),
                        new BusinessDayCloseStarted(MONDAY, "admin"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)),
                        new BusinessDayClosed(MONDAY, 3, dollars(75)))
                .when(new CloseCalendarDay(BusinessCalendar.ID, MONDAY, "admin"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The business day 2026-11-23 is already closed; the open day is 2026-11-24.");
    }

    @Test
    void aDayThatIsStillClosingIsRefusedNamingIt() {
        fixtureWith(hoursAt(TUESDAY_MORNING))
                .given(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)),
                        new BusinessDayCloseStarted(MONDAY, "admin"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)))
                .when(new CloseCalendarDay(BusinessCalendar.ID, MONDAY, "admin"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The business day 2026-11-23 is closing already; the open day is 2026-11-24.");
    }

    @Test
    void aDayBeforeTheFirstBusinessDayWasNeverOpen() {
        fixture.givenCurrentTime(MONDAY_MORNING)
                .andGivenCommands(new StartBusinessCalendar(BusinessCalendar.ID))
                .when(new CloseCalendarDay(BusinessCalendar.ID, LocalDate.of(2000, 1, 1), "admin"))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The business day 2000-01-01 was never open: the first business day is 2026-11-23.");
    }

    @Test
    void aDayIsReportedClosedOnce() {
        fixture.given(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)),
                        new BusinessDayCloseStarted(MONDAY, "admin"),
                        new BusinessDayOpened(TUESDAY, hours.closingOf(TUESDAY)))
                .when(new FinishBusinessDay(BusinessCalendar.ID, MONDAY, 3, dollars(75)))
                .expectEvents(new BusinessDayClosed(MONDAY, 3, dollars(75)));
        fixture.given(new BusinessDayOpened(MONDAY, hours.closingOf(MONDAY)),
                        new BusinessDayClosed(MONDAY, 3, dollars(75)))
                .when(new FinishBusinessDay(BusinessCalendar.ID, MONDAY, 3, dollars(75)))
                .expectNoEvents();
    }
}
