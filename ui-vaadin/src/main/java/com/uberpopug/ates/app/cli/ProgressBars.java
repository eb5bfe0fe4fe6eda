package com.uberpopug.ates.app.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.time.temporal.ChronoUnit;

/**
 * Progress on stderr (stdout stays the commands' result for scripts): done/total, rate, elapsed and ETA.
 * A fixed width, so that the library never opens a terminal of its own (its JLine terminal reads stdin,
 * which the process may need for something else).
 */
final class ProgressBars {

    private static final int WIDTH = 100;

    private ProgressBars() {
    }

    static ProgressBar of(String task, long total, String unit) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                .setUnit(unit, 1).showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setUpdateIntervalMillis(500)
                .setConsumer(new ConsoleProgressBarConsumer(System.err, WIDTH)).build();
    }
}
