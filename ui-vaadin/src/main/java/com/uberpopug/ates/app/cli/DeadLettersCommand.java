package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.messaging.processors.DeadLetters;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code dead-letters list|retry|evict}: the events processors parked because their handlers failed on them. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Retry.class, DeadLettersCommand.Evict.class},
        description = "Events a processor's handlers failed on, parked with the later events of the same aggregate.")
class DeadLettersCommand {

    /** What the three subcommands share: the queues, and exit 3 when a processor has none. */
    abstract static class OnQueues implements Callable<Integer> {

        @Autowired
        DeadLetters deadLetters;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try {
                return run(spec.commandLine().getOut(), spec.commandLine().getErr());
            } catch (CommandRefusedException noQueue) {
                spec.commandLine().getErr().println(noQueue.getMessage());
                return ExitCodes.REFUSED;
            }
        }

        abstract int run(PrintWriter out, PrintWriter err);
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists parked events: processor, letter id, event, aggregate, when, why.",
                    "Exit 0 (also when there are none); 3: the processor has no dead-letter queue."})
    static class ListLetters extends OnQueues {

        @Option(names = "--processor", description = "Only this processor's letters.")
        String processor;

        @Override
        int run(PrintWriter out, PrintWriter err) {
            List<DeadLetters.Letter> letters = deadLetters.list(processor);
            if (letters.isEmpty()) {
                out.println("No dead letters" + (processor == null ? "." : " in " + processor + "."));
            }
            for (DeadLetters.Letter letter : letters) {
                out.printf("%s\t%s\t%s %s\taggregate %s\t%s\t%s%n", letter.processor(), letter.id(), letter.eventType(),
                        letter.eventId(), letter.aggregate(), letter.enqueuedAt(), letter.cause());
            }
            return ExitCodes.DONE;
        }
    }

    @Command(name = "retry", mixinStandardHelpOptions = true,
            description = {"Hands a processor's parked events to its handlers again (after a fix), each aggregate's in order.",
                    "Exit 0: all handled; 3: some failed again and stay parked, or the processor has no queue."})
    static class Retry extends OnQueues {

        @Option(names = "--processor", required = true)
        String processor;

        @Override
        int run(PrintWriter out, PrintWriter err) {
            DeadLetters.Retried retried = deadLetters.retry(processor);
            out.println("Retried " + processor + ": " + retried.handled() + " aggregate(s) handled, "
                    + retried.stillParked() + " event(s) still parked");
            return retried.stillParked() == 0 ? ExitCodes.DONE : ExitCodes.REFUSED;
        }
    }

    @Command(name = "evict", mixinStandardHelpOptions = true,
            description = {"Drops one parked event for good (its processor never handles it); the events behind it go on.",
                    "Exit 0: evicted; 2: no such letter; 3: the processor has no queue."})
    static class Evict extends OnQueues {

        @Option(names = "--processor", required = true)
        String processor;

        @Option(names = "--id", required = true, description = "The letter id or the event id, as `dead-letters list` shows them.")
        String id;

        @Override
        int run(PrintWriter out, PrintWriter err) {
            if (!deadLetters.evict(processor, id)) {
                err.println("No dead letter " + id + " in " + processor + ".");
                return ExitCodes.INVALID;
            }
            out.println("Evicted " + id + " from " + processor);
            return ExitCodes.DONE;
        }
    }
}
