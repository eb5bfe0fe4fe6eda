package com.uberpopug.ates.app.cli;

import picocli.CommandLine.Command;

@Command(name = "ates", mixinStandardHelpOptions = true, subcommands = {UsersCommand.class, CloseDayCommand.class, ProcessorsCommand.class, ReplayCommand.class,
        DeadLettersCommand.class, SeedCommand.class},
        description = "aTES operations. Exit codes: 0 done, 1 unexpected failure, 2 invalid input, 3 refused by the system's state, "
                + "4 (processors) something needs an operator. Failures name their trace id on stderr.")
class AtesCommand {
}
