package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.messaging.processors.KnownProcessors;
import com.uberpopug.ates.messaging.processors.ProjectionReplay;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code replay}: rebuilds projections from the event stream, with a progress bar. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Rebuilds a projection (or all): pauses its processor on every instance, clears the read model, "
                + "reads the whole stream again and hands the processor back. Safe while the application runs.",
                "Names: a processor (task-board, accounting-views, analytics, task-assignees) or a projection it builds "
                        + "(board, my-tasks, balances, audit-log, earnings, payouts, business-days).",
                "Exit 0: replayed; 2: unknown name; 3: busy (a replay of it runs, or an instance did not let go)."})
class ReplayCommand implements Callable<Integer> {

    @Autowired
    ProjectionReplay replay;

    @Autowired
    KnownProcessors known;

    @Spec
    CommandSpec spec;

    @ArgGroup(multiplicity = "1")
    Target target;

    static class Target {
        @Parameters(arity = "1", paramLabel = "<projection>", description = "What to rebuild.")
        String name;

        @Option(names = "--all", required = true, description = "Every projection, one after the other.")
        boolean all;
    }

    @Option(names = "--source", defaultValue = "kafka", paramLabel = "kafka|event-store",
            description = "Where to read the stream from (default: ${DEFAULT-VALUE}).")
    String source;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ProjectionReplay.Source from = switch (source) {
            case "kafka" -> ProjectionReplay.Source.KAFKA;
            case "event-store" -> ProjectionReplay.Source.EVENT_STORE;
            default -> null;
        };
        if (from == null) {
            err.println("--source: '" + source + "' is neither kafka nor event-store.");
            return ExitCodes.INVALID;
        }
        List<String> names = target.all ? new ArrayList<>(known.replayable()) : List.of(target.name);
        if (!target.all && known.replayableNamed(target.name).isEmpty()) {
            err.println("There is no projection '" + target.name + "'. Known: " + String.join(", ", known.replayNames()));
            return ExitCodes.INVALID;
        }
        for (String name : names) {
            try {
                ProjectionReplay.Outcome outcome = replayWithBar(name, from);
                double seconds = Math.max(outcome.took().toMillis(), 1) / 1000.0;
                out.printf("Replayed %s from %s: %,d events in %.1f s (%,.0f events/s)%s%n", outcome.processor(),
                        source, outcome.events(), seconds, outcome.events() / seconds,
                        outcome.droppedDeadLetters() == 0 ? ""
                                : "; " + outcome.droppedDeadLetters() + " dead letters dropped (their events were handled again)");
            } catch (CommandRefusedException busy) {
                err.println(busy.getMessage());
                return ExitCodes.REFUSED;
            }
        }
        return ExitCodes.DONE;
    }

    private ProjectionReplay.Outcome replayWithBar(String name, ProjectionReplay.Source from) {
        ProgressBar[] bar = new ProgressBar[1];
        try {
            return replay.replay(name, from, "ates replay " + name, new ProjectionReplay.Progress() {
                @Override
                public void started(String processor, long total) {
                    bar[0] = ProgressBars.of("replay " + processor, total, " events");
                }

                @Override
                public void advanced(long done) {
                    bar[0].stepTo(done);
                }
            });
        } finally {
            if (bar[0] != null) {
                bar[0].close();
            }
        }
    }
}
