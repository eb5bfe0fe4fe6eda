package com.uberpopug.ates.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the operators' command line inside a test's application context: exit code, out, err. */
final class CliRun {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    private final ConfigurableApplicationContext context;

    CliRun(ConfigurableApplicationContext context) {
        this.context = context;
    }

    int ates(String... args) {
        CommandLine cli = AtesCli.commandLine(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return AtesCli.traced(cli, args);
    }
}
