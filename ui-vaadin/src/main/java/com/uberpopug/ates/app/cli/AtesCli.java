package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.messaging.api.TraceIds;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

import java.util.Set;

/**
 * The operators' command line, in the application's own jar: {@code java -jar ates.jar users add …}
 * (or {@code ./ates cli users add …}). It starts the application's context against the same services,
 * without its web side ({@link CliApplication}: no port, so it runs beside running instances), runs one
 * command through the real command path, and exits with the command's code.
 */
public final class AtesCli {

    /** The first words that mean "a command", not "run the server". */
    private static final Set<String> COMMANDS = Set.of("users", "close-day", "processors", "replay", "dead-letters", "seed",
            "help", "--help", "-h");

    private AtesCli() {
    }

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static int run(String[] args) {
        if (args[0].equals("help") || args[0].startsWith("-")) {
            return new CommandLine(new AtesCommand()).execute(args[0].equals("help") ? new String[]{"--help"} : args);
        }
        ConfigurableApplicationContext context;
        try {
            context = new SpringApplicationBuilder(CliApplication.class)
                    .web(WebApplicationType.NONE)
                    // Quiet, so that scripts read only the command's own output; aTES' warnings (e.g. a
                    // generated first admin password) still show.
                    .properties("spring.main.banner-mode=off", "logging.level.root=ERROR",
                            "logging.level.com.uberpopug=WARN",
                            // A command is not an instance that takes a share of the processors' segments.
                            "ates.processors.balance.enabled=false")
                    .logStartupInfo(false)
                    .run();
        } catch (RuntimeException notStarted) {
            // Spring Boot has printed why (its failure analysis, on stderr). Threads started before the
            // failure would keep the process alive: the caller exits with this code instead.
            return ExitCodes.FAILED;
        }
        try {
            return traced(commandLine(context), args);
        } finally {
            context.close();
        }
    }

    /**
     * Runs one command as one traced action: everything it sends carries the same trace id, which a
     * failing command names on stderr (support finds its log lines, commands and events by it).
     */
    public static int traced(CommandLine commandLine, String[] args) {
        String traceId = TraceIds.newId();
        try {
            int exitCode = TraceIds.within(traceId, () -> commandLine.execute(args));
            if (exitCode != 0) {
                commandLine.getErr().println("trace id: " + traceId);
            }
            return exitCode;
        } catch (Exception impossible) {
            throw new IllegalStateException(impossible); // execute() reports failures as exit codes
        }
    }

    /** The command tree, with each command's collaborators taken from the application context. */
    public static CommandLine commandLine(ConfigurableApplicationContext context) {
        CommandLine.IFactory fromSpring = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                if (type.getPackageName().equals(AtesCli.class.getPackageName())) {
                    return context.getAutowireCapableBeanFactory().createBean(type);
                }
                return CommandLine.defaultFactory().create(type);
            }
        };
        return new CommandLine(AtesCommand.class, fromSpring);
    }
}
