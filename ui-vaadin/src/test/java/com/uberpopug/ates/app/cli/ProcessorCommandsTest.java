package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.AtesSpringTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;
import picocli.CommandLine;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code processors}, {@code replay} and {@code --help}: output and exit codes a script relies on. */
@AtesSpringTest
@TestPropertySource(properties = "ates.test.context=replay")
class ProcessorCommandsTest {

    private static final List<String> PROCESSORS = List.of("identity-accounts", "task-open-list", "accounting-ledger",
            "kafka-publisher", "task-assignees", "accounting", "accounting-close", "payments", "payout-mails",
            "task-board", "accounting-views", "analytics");

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    EventProcessingConfiguration processing;

    private CliRun cli;

    @BeforeEach
    void cli() {
        cli = new CliRun(context);
    }

    @AfterEach
    void noPauseLeft() {
        postgres.update("DELETE FROM ates_processor_pauses");
    }

    @Test
    void processorsShowsEveryProcessorWithSourceStateAndLag() {
        int exit = cli.ates("processors");

        assertThat(exit).as(cli.out + "" + cli.err).isZero();
        String out = cli.out.toString();
        assertThat(out.lines().findFirst().orElseThrow())
                .matches("PROCESSOR\\s+SOURCE\\s+STATE\\s+POSITION\\s+LAG EVENTS\\s+LAG TIME\\s+DEAD\\s+OWNER");
        assertThat(out.lines().skip(1).map(line -> line.split("\\s+")[0])).containsExactlyInAnyOrderElementsOf(PROCESSORS);
        assertThat(out).containsPattern("task-board\\s+kafka\\s+running\\s+[\\d,]+\\s+[\\d,]+\\s+[\\d.]+ s\\s+0\\s+\\S+@")
                .containsPattern("kafka-publisher\\s+event store\\s+running\\s+")
                .containsPattern("identity-accounts\\s+command transaction\\s+running\\s+-\\s+-\\s+-\\s+0\\s+-");
    }

    @Test
    void replayRebuildsAProjectionNamedByWhatItShows() {
        int exit = cli.ates("replay", "balances");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).matches("Replayed accounting-views from kafka: [\\d,]+ events in [\\d.]+ s \\([\\d,]+ events/s\\)\\R");
    }

    @Test
    void replayReadsTheEventStoreWhenAsked() {
        int exit = cli.ates("replay", "board", "--source", "event-store");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(cli.out.toString()).startsWith("Replayed task-board from event-store: ");
    }

    @Test
    void anUnknownProjectionExitsWith2AndNamesTheKnownOnes() {
        int exit = cli.ates("replay", "nonsense");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("There is no projection 'nonsense'. Known: accounting-views, balances, audit-log, earnings, payouts, business-days, analytics, ")
                .contains("task-assignees", "task-board", "board", "my-tasks");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void anUnknownSourceExitsWith2() {
        assertThat(cli.ates("replay", "board", "--source", "tape")).isEqualTo(2);
        assertThat(cli.err.toString()).startsWith("--source: 'tape' is neither kafka nor event-store.");
    }

    /**
     * Another instance replays analytics: this instance stops its copy (letting go of the token), a
     * second replay is refused as busy, and the copy runs again once the pause is lifted.
     */
    @Test
    void aProcessorPausedByAReplayElsewhereStopsHereAndIsBusy() {
        StreamingEventProcessor analytics = processing.eventProcessor("analytics", StreamingEventProcessor.class).orElseThrow();
        postgres.update("INSERT INTO ates_processor_pauses (processor, instance, paused_by) VALUES ('analytics', ?, ?)",
                "4242@elsewhere", "ates replay analytics");
        await().atMost(Duration.ofSeconds(10)).until(() -> !analytics.isRunning());

        int exit = cli.ates("replay", "analytics");

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err.toString()).startsWith(
                "Processor analytics is busy: a replay of it is running, started by ates replay analytics (4242@elsewhere, since ");
        CliRun status = new CliRun(context);
        status.ates("processors");
        assertThat(status.out.toString()).containsPattern("analytics\\s+kafka\\s+paused \\(ates replay analytics\\)");

        postgres.update("DELETE FROM ates_processor_pauses WHERE processor = 'analytics'");
        await().atMost(Duration.ofSeconds(10)).until(analytics::isRunning);
    }

    /** A replay that was killed stops touching its pause: the pause is ignored and a new replay takes it over. */
    @Test
    void aPauseOfADeadReplayIsIgnoredAndTakenOver() throws InterruptedException {
        StreamingEventProcessor analytics = processing.eventProcessor("analytics", StreamingEventProcessor.class).orElseThrow();
        postgres.update("""
                INSERT INTO ates_processor_pauses (processor, instance, paused_by, since, heartbeat)
                VALUES ('analytics', '4242@gone', 'ates replay analytics', now() - interval '1 hour', now() - interval '1 minute')""");
        Thread.sleep(2_500); // two checks of the pauses
        assertThat(analytics.isRunning()).as("not stopped for a dead replay").isTrue();

        int exit = cli.ates("replay", "analytics");

        assertThat(exit).as(cli.err.toString()).isZero();
        assertThat(postgres.queryForObject("SELECT count(*) FROM ates_processor_pauses", Long.class)).isZero();
        await().atMost(Duration.ofSeconds(10)).until(analytics::isRunning);
    }

    @Test
    void everyCommandHasHelp() {
        CommandLine root = AtesCli.commandLine(context);
        List<CommandLine> commands = new java.util.ArrayList<>();
        collect(root, commands);
        assertThat(commands).extracting(CommandLine::getCommandName)
                .contains("ates", "users", "add", "close-day", "processors", "replay", "dead-letters", "list", "retry",
                        "evict", "seed");
        for (CommandLine command : commands) {
            CliRun help = new CliRun(context);
            List<String> path = new java.util.ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            path.add("--help");
            assertThat(help.ates(path.toArray(String[]::new))).as(String.join(" ", path)).isZero();
            assertThat(help.out.toString()).as(String.join(" ", path)).startsWith("Usage: ates");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> into) {
        into.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, into));
    }
}
