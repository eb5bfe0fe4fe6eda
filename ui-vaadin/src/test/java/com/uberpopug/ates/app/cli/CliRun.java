package com.uberpopug.ates.app.cli;

import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** One run of the operators' command line inside a test's application context: exit code, out, err. */
public final class CliRun {

    public final StringWriter out = new StringWriter();
    public final StringWriter err = new StringWriter();
    private final ConfigurableApplicationContext context;

    public CliRun(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public int ates(String... args) {
        CommandLine cli = AtesCli.commandLine(context);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return AtesCli.traced(cli, args);
    }
}
