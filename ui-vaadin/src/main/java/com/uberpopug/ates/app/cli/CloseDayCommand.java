package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.accounting.CloseProgress;
import com.uberpopug.ates.app.accounting.DayClose;
import me.tongfei.progressbar.ProgressBar;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.Callable;

/** {@code close-day}: closes the open business day now, as an admin's button does, and waits for the payouts. */
@Command(name = "close-day", mixinStandardHelpOptions = true,
        description = {"Closes the open business day, if it has begun: pays out every positive balance (once), carries the rest over. "
                + "Prints the day, the number of payouts and their total.",
                "Shows the accounts settled of all on stderr while it runs.",
                "Exit 2: invalid input (e.g. --as); 3: refused: the open day has not begun yet, or the given day is not the open one "
                        + "(e.g. closed already); 5: not closed within --wait (the close goes on)."})
class CloseDayCommand implements Callable<Integer> {

    @Autowired
    DayClose dayClose;

    @Spec
    CommandSpec spec;

    @Option(names = "--day", description = "The business day to close (YYYY-MM-DD); it must be the open one, so that a "
            + "retried close is refused instead of closing the next day. Default: the open one.")
    LocalDate day;

    @Option(names = "--as", defaultValue = "cli", description = "Who closes it, for the log (default: ${DEFAULT-VALUE}).")
    String closedBy;

    @Option(names = "--wait", defaultValue = "PT5M", description = "How long to wait for the day to close (ISO-8601, default ${DEFAULT-VALUE}).")
    Duration wait;

    @Override
    public Integer call() {
        try (ProgressBar bar = ProgressBars.of("accounts settled", 0, "")) {
            CloseProgress close = dayClose.closeAndWait(day, closedBy, wait, progress -> {
                bar.maxHint(progress.accounts());
                bar.stepTo(progress.settled());
            });
            bar.close();
            if (!close.finished()) {
                spec.commandLine().getErr().printf("The close of %s goes on: %,d of %,d accounts settled after %s%s. "
                                + "Follow it with GET /api/accounting/closes/%s or the Accounting page.%n", close.day(),
                        close.settled(), close.accounts(), wait, close.failing() == 0 ? ""
                                : " (" + close.failing() + " failed and are tried again: see the log)", close.day());
                return ExitCodes.STILL_RUNNING;
            }
            spec.commandLine().getOut().println("Closed business day " + close.day() + ": " + close.payouts()
                    + (close.payouts() == 1 ? " payout, " : " payouts, ") + close.total().format() + " in all");
            return ExitCodes.DONE;
        } catch (InvalidCommandException invalid) {
            invalid.problems().forEach(problem -> spec.commandLine().getErr().println(
                    (problem.field().equals("closedBy") ? "--as" : "--" + problem.field()) + ": " + problem.message()));
            return ExitCodes.INVALID;
        } catch (CommandRefusedException refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return ExitCodes.REFUSED;
        }
    }
}
