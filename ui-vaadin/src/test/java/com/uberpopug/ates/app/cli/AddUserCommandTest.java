package com.uberpopug.ates.app.cli;

import com.uberpopug.ates.app.AtesSpringTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code users add} through the real command path: its output and the exit codes a script relies on. */
@AtesSpringTest
class AddUserCommandTest {

    @Autowired
    ConfigurableApplicationContext context;
    @Autowired
    JdbcTemplate postgres;

    private CliRun cli;

    @BeforeEach
    void cli() {
        cli = new CliRun(context);
    }

    private int ates(String... args) {
        return cli.ates(args);
    }

    @Test
    void addsAPopugWhoIsStoredWithTheirRole() {
        String username = "cli-" + UUID.randomUUID().toString().substring(0, 6);

        int exit = ates("users", "add", "--username", username, "--full-name", "Cli Popug",
                "--email", username + "@uberpopug.com", "--role", "ACCOUNTANT", "--password", "cli-pass-123");

        assertThat(exit).isZero();
        assertThat(cli.out.toString()).startsWith("Registered " + username + " as ACCOUNTANT: ");
        assertThat(postgres.queryForObject("SELECT role FROM identity_popugs WHERE username = ?", String.class, username))
                .isEqualTo("ACCOUNTANT");
    }

    @Test
    void invalidInputExitsWith2AndNamesEachOption() {
        int exit = ates("users", "add", "--username", "X", "--full-name", " ", "--email", "nope",
                "--role", "WORKER", "--password", "short");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--username: ", "--full-name: A popug needs a full name.",
                "--email: ", "--password: A password has at least 10 characters.");
        assertThat(cli.out.toString()).isEmpty();
    }

    @Test
    void aPasswordLongerThan72BytesOrWithAControlCharacterExitsWith2() {
        String username = "cli-" + UUID.randomUUID().toString().substring(0, 6);

        int exit = ates("users", "add", "--username", username, "--full-name", "Cli\u0007 Popug",
                "--email", username + "@uberpopug.com", "--role", "WORKER", "--password", "é1" + "x".repeat(70));

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("--full-name: Contains an invisible control character (U+0007); remove it.",
                "--password: A password has at most 72 bytes");
        assertThat(postgres.queryForObject("SELECT count(*) FROM identity_popugs WHERE username = ?", Long.class, username))
                .isZero();
    }

    @Test
    void aTakenUsernameExitsWith3() {
        int exit = ates("users", "add", "--username", "admin", "--full-name", "Another Admin",
                "--email", "a2@uberpopug.com", "--role", "ADMIN", "--password", "another-pass-1");

        assertThat(exit).isEqualTo(3);
        assertThat(cli.err.toString()).contains("The username 'admin' is taken.");
    }

    @Test
    void anUnknownRoleIsAUsageErrorThatListsTheRoles() {
        int exit = ates("users", "add", "--username", "kesha", "--full-name", "K", "--email", "k@uberpopug.com",
                "--role", "PARROT", "--password", "kesha-pass-1");

        assertThat(exit).isEqualTo(2);
        assertThat(cli.err.toString()).contains("ADMIN, MANAGER, ACCOUNTANT, WORKER");
    }

    @Test
    void everyCommandHasHelp() {
        assertThat(ates("users", "add", "--help")).isZero();
        assertThat(cli.out.toString()).contains("--username", "--role", "Exit 2: invalid input");
    }
}
