package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.identity.RegisterPopug;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Repository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Registers a popug: checks the fields, claims the username in {@code identity_popugs} (set-based
 * validation, not a query on an eventually consistent read model), stores the password's BCrypt hash
 * there, and creates the {@link Popug}. All in the command's one transaction: a refusal stores nothing.
 */
@Component
class PopugRegistration {

    private final Repository<Popug> popugs;
    private final PopugAccounts accounts;
    private final PasswordEncoder passwords;

    PopugRegistration(Repository<Popug> popugs, PopugAccounts accounts, PasswordEncoder passwords) {
        this.popugs = popugs;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @CommandHandler
    UUID handle(RegisterPopug command) throws Exception {
        // Checked before the username is claimed, so that invalid input writes nothing.
        Popug.checkFields(command);
        if (accounts.usernameTaken(command.username())) {
            throw usernameTaken(command.username());
        }
        try {
            accounts.add(command.popugId(), command.username(), command.fullName().strip(), command.email().strip(),
                    command.role(), passwords.encode(command.password()));
        } catch (DuplicateKeyException raced) {
            throw usernameTaken(command.username());
        }
        popugs.newInstance(() -> new Popug(command));
        return command.popugId();
    }

    private static CommandRefusedException usernameTaken(String username) {
        return new CommandRefusedException("The username '" + username + "' is taken.");
    }
}
