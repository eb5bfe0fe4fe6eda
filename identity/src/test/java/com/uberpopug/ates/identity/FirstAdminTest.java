package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.FieldProblem;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.RegisterPopug;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** The first start's admin, when several instances start together on a new database. */
class FirstAdminTest {

    private final PopugAccounts accounts = mock(PopugAccounts.class);
    private final CommandGateway commands = mock(CommandGateway.class);
    private final FirstAdmin firstAdmin = new FirstAdmin(accounts, commands, "first-admin-pass-1", "admin@uberpopug.local");

    @Test
    void anAdminRegisteredByAnotherInstanceMeanwhileLetsThisOneStart() {
        when(accounts.usernameTaken("admin")).thenReturn(false, true);
        when(commands.sendAndWait(any(RegisterPopug.class)))
                .thenThrow(new InvalidCommandException(List.of(new FieldProblem("username", "The username admin is taken."))));

        assertThatCode(() -> firstAdmin.run(null)).doesNotThrowAnyException();
    }

    @Test
    void aFailureWhoseCauseCannotBeCheckedStopsTheStartWithItself() {
        RuntimeException down = new IllegalStateException("PostgreSQL is gone");
        when(accounts.usernameTaken("admin")).thenReturn(false).thenThrow(new IllegalStateException("no connection"));
        when(commands.sendAndWait(any(RegisterPopug.class))).thenThrow(down);

        assertThatThrownBy(() -> firstAdmin.run(null)).isSameAs(down)
                .satisfies(thrown -> assertThat(thrown.getSuppressed()).extracting(Throwable::getMessage)
                        .containsExactly("no connection"));
    }

    @Test
    void aPasswordThePolicyRefusesStillStopsTheStart() {
        when(commands.sendAndWait(any(RegisterPopug.class)))
                .thenThrow(new InvalidCommandException(List.of(new FieldProblem("password", "At least 10 characters."))));

        assertThatThrownBy(() -> firstAdmin.run(null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ATES_ADMIN_PASSWORD").hasMessageContaining("At least 10 characters.");
    }
}
