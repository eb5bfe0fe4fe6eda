package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.beans.factory.annotation.Autowired;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.UUID;
import java.util.concurrent.Callable;

/** {@code users add}: registers a popug through the same command as the Popugs page and the API. */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = "Registers a popug. Prints the new popug's id. Exit 2: invalid input; 3: username taken.")
class AddUserCommand implements Callable<Integer> {

    /** Set by Spring when the command runs; absent when picocli only prints help. */
    @Autowired
    CommandGateway commands;

    @Spec
    CommandSpec spec;

    @Option(names = "--username", required = true, description = "3-32 characters: a-z, 0-9, '.', '_', '-'")
    String username;

    @Option(names = "--full-name", required = true)
    String fullName;

    @Option(names = "--email", required = true)
    String email;

    @Option(names = "--role", required = true, description = "One of: ${COMPLETION-CANDIDATES}")
    Role role;

    @Option(names = "--password", required = true, interactive = true, arity = "0..1",
            description = "At least 10 characters, letters and digits or signs. Given without a value: asked for without echo.")
    String password;

    @Override
    public Integer call() {
        try {
            UUID id = commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), username, fullName, email, role, password));
            spec.commandLine().getOut().println("Registered " + username + " as " + role + ": " + id);
            return ExitCodes.DONE;
        } catch (InvalidCommandException invalid) {
            invalid.problems().forEach(problem ->
                    spec.commandLine().getErr().println("--" + option(problem.field()) + ": " + problem.message()));
            return ExitCodes.INVALID;
        } catch (CommandRefusedException refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return ExitCodes.REFUSED;
        }
    }

    private static String option(String field) {
        return field.equals("fullName") ? "full-name" : field;
    }
}
