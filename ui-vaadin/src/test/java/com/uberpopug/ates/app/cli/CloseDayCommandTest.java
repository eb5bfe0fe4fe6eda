package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.accounting.BusinessDaySummary;
import com.uberpopug.ates.api.accounting.FindBusinessDay;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestClock;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code close-day}: what it prints and the exit codes a script relies on. In the context that closes days. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=account-views")
class CloseDayCommandTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    QueryGateway queries;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcTemplate postgres;

    private CliRun cli;

    @BeforeEach
    void cli() {
        cli = new CliRun(context);
    }

    private int ates(String... args) {
        return cli.ates(args);
    }

    @Test
    void closesTheOpenDayAndPrintsItsPayoutsButNotADayThatHasNotBegun() {
        LocalDate open = clock.letOpenDayBegin(postgres);

        int exit = ates("close-day", "--day", open.toString(), "--as", "night-operator");

        assertThat(exit).isZero();
        assertThat(cli.out.toString()).matches("Closed business day " + open + ": \\d+ payouts?, \\$[\\d,]+\\.\\d\\d in all\\R");
        await().atMost(Duration.ofSeconds(30)).until(() -> openDay().equals(open.plusDays(1)));

        CliRun again = new CliRun(context);
        assertThat(again.ates("close-day")).as("the next day has not begun").isEqualTo(3);
        assertThat(again.err.toString()).startsWith("The open business day " + open.plusDays(1) + " has not begun yet: it begins at "
                + open.plusDays(1) + " 00:00 (UTC)");
        CliRun retried = new CliRun(context);
        assertThat(retried.ates("close-day", "--day", open.toString())).as("a retry of the close").isEqualTo(3);
        assertThat(retried.err.toString()).containsPattern("The business day " + open + " is (already closed|closing already); ");
    }

    @Test
    void aDayThatIsNotOpenExitsWith3() {
        int exit = ates("close-day", "--day", "2000-01-01");

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err.toString()).startsWith("The business day 2000-01-01 was never open: the first business day is ");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void whoClosesTheDayIsPlainTextOrExit2() {
        assertThat(ates("close-day", "--as", "night\u0000operator")).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("--as: Contains an invisible control character (U+0000); remove it.");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void aMalformedDayIsAUsageError() {
        assertThat(ates("close-day", "--day", "tomorrow")).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--day");
    }

    @Test
    void itHasHelp() {
        assertThat(ates("close-day", "--help")).isZero();
        assertThat(cli.out.toString()).contains("--day", "--as", "Exit 2: invalid input", "3: refused");
    }

    private LocalDate openDay() {
        return queries.query(new FindBusinessDay(null), BusinessDaySummary.class).join().day();
    }
}
