package com.uberpopug.ates.app.cli;

import picocli.CommandLine.Command;

@Command(name = "ates", mixinStandardHelpOptions = true, subcommands = {UsersCommand.class, CloseDayCommand.class},
        description = "aTES operations. Exit codes: 0 done, 2 invalid input, 3 refused by the system's state.")
class AtesCommand {
}
