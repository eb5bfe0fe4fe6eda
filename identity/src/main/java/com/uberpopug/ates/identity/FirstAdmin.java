package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * On a start with no active admin, registers the admin {@code admin}: with the password of
 * {@code ates.admin.password} (env {@code ATES_ADMIN_PASSWORD}), or with a generated one printed
 * once. There is no built-in password. Later starts leave the existing admin alone.
 */
@Component
class FirstAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstAdmin.class);
    private static final String LETTERS = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";

    private final PopugAccounts accounts;
    private final CommandGateway commands;
    private final String configuredPassword;
    private final String email;

    FirstAdmin(PopugAccounts accounts, CommandGateway commands,
               @Value("${ates.admin.password:}") String configuredPassword,
               @Value("${ates.admin.email:admin@uberpopug.local}") String email) {
        this.accounts = accounts;
        this.commands = commands;
        this.configuredPassword = configuredPassword;
        this.email = email;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accounts.anyActiveAdmin() || accounts.usernameTaken("admin")) {
            return;
        }
        boolean generated = configuredPassword.isBlank();
        String password = generated ? generatePassword() : configuredPassword;
        try {
            commands.sendAndWait(new RegisterPopug(UUID.randomUUID(), "admin", "Administrator", email, Role.ADMIN, password));
        } catch (RuntimeException failed) {
            if (registeredElsewhereMeanwhile(failed)) {
                // Instances starting together on a new database: another one registered the admin at the same moment.
                log.info("First start: another instance registered the admin 'admin' meanwhile");
                return;
            }
            if (failed instanceof InvalidCommandException refused) {
                throw new IllegalStateException("ATES_ADMIN_PASSWORD (ates.admin.password) cannot be the first admin's password: "
                        + refused.problems().stream().map(FieldProblem::message).collect(Collectors.joining(" ")), refused);
            }
            throw failed;
        }
        if (generated) {
            log.warn("\n\n    First start: registered the admin 'admin' with the generated password {}\n"
                    + "    It is shown only this once. Set ATES_ADMIN_PASSWORD to choose it instead.\n", password);
        } else {
            log.info("First start: registered the admin 'admin' with the password of ATES_ADMIN_PASSWORD");
        }
    }

    /** Whether the admin exists now; when that cannot be read either, the registration's failure is what stops the start. */
    private boolean registeredElsewhereMeanwhile(RuntimeException failed) {
        try {
            return accounts.usernameTaken("admin");
        } catch (RuntimeException unreadable) {
            failed.addSuppressed(unreadable);
            return false;
        }
    }

    /** Sixteen characters, letters and digits: meets the password policy every time. */
    static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            password.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
        }
        for (int i = 0; i < 3; i++) {
            password.append(DIGITS.charAt(random.nextInt(DIGITS.length())));
        }
        return password.toString();
    }
}
