package com.uberpopug.ates.app.cli;

import picocli.CommandLine.Command;

@Command(name = "users", mixinStandardHelpOptions = true, subcommands = AddUserCommand.class,
        description = "Popugs: who may log in, with which role.")
class UsersCommand {
}
