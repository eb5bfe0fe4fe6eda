package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code seed}: demo data through the real commands, a closed business day per --days. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=account-views")
class SeedCommandTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    TestClock clock;

    @Test
    void seedsPopugsTasksCompletionsAndClosedDays() {
        long tasksBefore = count("TaskCreated");
        long completedBefore = count("TaskCompleted");
        long registeredBefore = count("PopugRegistered");
        long closedBefore = count("BusinessDayClosed");
        LocalDate open = clock.letOpenDayBegin(postgres);
        clock.letBegin(open.plusDays(1));
        CliRun cli = new CliRun(context);

        int exit = cli.ates("seed", "--popugs", "3", "--tasks", "9", "--days", "2", "--done", "0.5");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString().lines().toList()).hasSize(3)
                .allMatch(line -> line.matches("Closed business day \\d{4}-\\d\\d-\\d\\d: \\d+ payouts, \\$[\\d,]+\\.\\d\\d")
                        || line.equals("Seeded 3 popugs and 9 tasks (5 done) over 2 business day(s)"));
        assertThat(count("PopugRegistered") - registeredBefore).isEqualTo(3);
        assertThat(count("TaskCreated") - tasksBefore).isEqualTo(9);
        assertThat(count("TaskCompleted") - completedBefore).as("5 of 9: 3 of 5 on day one, 2 of 4 on day two").isEqualTo(5);
        assertThat(count("BusinessDayClosed") - closedBefore).isEqualTo(2);
    }

    @Test
    void moreDaysThanHaveBegunAreRefusedAndNothingIsSeeded() {
        LocalDate open = clock.letOpenDayBegin(postgres);
        long registeredBefore = count("PopugRegistered");
        CliRun cli = new CliRun(context);

        assertThat(cli.ates("seed", "--popugs", "2", "--tasks", "4", "--days", "30")).isEqualTo(3);
        assertThat(cli.err.toString()).startsWith("Only ").contains(" business day(s) can be closed now: the open day is " + open
                + " and a day is closed only once it has begun. Nothing was seeded.");
        assertThat(count("PopugRegistered")).isEqualTo(registeredBefore);
    }

    @Test
    void impossibleNumbersExitWith2AndSeedNothing() {
        long tasksBefore = count("TaskCreated");
        CliRun cli = new CliRun(context);

        assertThat(cli.ates("seed", "--popugs", "0", "--tasks", "5")).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("Need --popugs >= 1");
        assertThat(count("TaskCreated")).isEqualTo(tasksBefore);
    }

    private long count(String eventType) {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype LIKE ?", Long.class,
                "%." + eventType);
    }
}
