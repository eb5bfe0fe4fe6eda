package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.messaging.processors.ProcessorMonitor;
import com.uberpopug.ates.messaging.processors.ProcessorStatus;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code processors}: where every event processor stands, as the token store, event store and Kafka tell it. */
@Command(name = "processors", mixinStandardHelpOptions = true,
        description = {"Shows each event processor: source, state, position, lag in events and in time, dead letters, and the instance"
                        + " holding it (each segment's, when instances share its segments).",
                "Exit 0: all fine; 4: a processor is in error or has a stale claim, or events are parked as dead letters."})
class ProcessorsCommand implements Callable<Integer> {

    private static final String ROW = "%-19s %-19s %-28s %12s %12s %10s %8s  %s%n";

    @Autowired
    ProcessorMonitor monitor;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        List<ProcessorStatus> statuses = monitor.statuses();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(ROW, "PROCESSOR", "SOURCE", "STATE", "POSITION", "LAG EVENTS", "LAG TIME", "DEAD", "OWNER");
        for (ProcessorStatus status : statuses) {
            out.printf(ROW, status.name(), status.source(), status.stateText(),
                    status.position() == null ? "-" : String.format("%,d", status.position()),
                    status.lagEvents() == null ? "-" : String.format("%,d", status.lagEvents()),
                    status.lagEvents() == null ? "-" : seconds(status.lagTime()),
                    status.deadLetters(), status.owner() == null ? "-" : status.owner());
        }
        boolean attention = statuses.stream().anyMatch(status -> status.deadLetters() > 0
                || status.state().needsOperator());
        return attention ? ExitCodes.ATTENTION : ExitCodes.DONE;
    }

    private static String seconds(Duration lag) {
        return String.format("%.1f s", lag.toMillis() / 1000.0);
    }
}
