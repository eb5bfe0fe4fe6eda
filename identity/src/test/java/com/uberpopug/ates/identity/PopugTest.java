package com.uberpopug.ates.identity;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.InvalidCommandException;
import com.uberpopug.ates.api.identity.ChangePopugRole;
import com.uberpopug.ates.api.identity.DeactivatePopug;
import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.identity.RegisterPopug;
import com.uberpopug.ates.api.identity.Role;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;

import java.util.UUID;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.ArgumentMatchers.any;

/** The popug's rules as given-when-then specs. The username table is a mock here; its real test is PopugRegistrationIT. */
class PopugTest {

    private static final UUID KESHA = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    private FixtureConfiguration<Popug> fixture;
    private PopugAccounts accounts;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Popug.class);
        accounts = mock(PopugAccounts.class);
        fixture.registerAnnotatedCommandHandler(
                new PopugRegistration(fixture.getRepository(), accounts, NoOpPasswordEncoder.getInstance()));
    }

    private static RegisterPopug kesha(Role role) {
        return new RegisterPopug(KESHA, "kesha", "Kesha the Parrot", "kesha@uberpopug.com", role, "green-feathers-1");
    }

    private static PopugRegistered keshaRegistered(Role role) {
        return new PopugRegistered(KESHA, "kesha", "Kesha the Parrot", "kesha@uberpopug.com", role);
    }

    @Test
    void registeringAPopugRecordsWhoTheyAreButNeverThePassword() {
        fixture.givenNoPriorActivity()
                .when(kesha(Role.WORKER))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(KESHA)
                .expectEvents(keshaRegistered(Role.WORKER));
        verify(accounts).add(KESHA, "kesha", "Kesha the Parrot", "kesha@uberpopug.com", Role.WORKER, "green-feathers-1");
    }

    @Test
    void aTakenUsernameIsRefusedAndNothingIsStored() {
        when(accounts.usernameTaken("kesha")).thenReturn(true);
        fixture.givenNoPriorActivity()
                .when(kesha(Role.WORKER))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("The username 'kesha' is taken.");
        verify(accounts, never()).add(any(), anyString(), anyString(), anyString(), any(), anyString());
    }

    @Test
    void invalidFieldsAreRefusedAllAtOnce() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPopug(KESHA, "K", " ", "not-an-email", null, "short"))
                .expectNoEvents()
                .expectException(InvalidCommandException.class)
                .expectExceptionMessage("username: A username is 3 to 32 characters: lower-case letters, digits, '.', '_' or '-', "
                        + "starting with a letter.; fullName: A popug needs a full name.; "
                        + "email: An e-mail address looks like kesha@uberpopug.com.; "
                        + "role: Choose a role: ADMIN, MANAGER, ACCOUNTANT or WORKER.; "
                        + "password: A password has at least 10 characters.");
    }

    @Test
    void aPasswordOfOnlyLettersIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterPopug(KESHA, "kesha", "Kesha", "kesha@uberpopug.com", Role.WORKER, "onlyletterslong"))
                .expectNoEvents()
                .expectExceptionMessage("password: A password mixes letters with digits or other signs.");
    }

    @Test
    void theRoleOfAPopugChanges() {
        fixture.given(keshaRegistered(Role.WORKER))
                .when(new ChangePopugRole(KESHA, Role.MANAGER))
                .expectEvents(new PopugRoleChanged(KESHA, Role.WORKER, Role.MANAGER));
    }

    @Test
    void aChangeToTheSameRoleIsRefused() {
        fixture.given(keshaRegistered(Role.WORKER))
                .when(new ChangePopugRole(KESHA, Role.WORKER))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("This popug already is WORKER.");
    }

    @Test
    void aChangeToNoRoleIsRefused() {
        fixture.given(keshaRegistered(Role.WORKER))
                .when(new ChangePopugRole(KESHA, null))
                .expectNoEvents()
                .expectException(InvalidCommandException.class);
    }

    @Test
    void aDeactivatedPopugKeepsTheirRole() {
        fixture.given(keshaRegistered(Role.WORKER), new PopugDeactivated(KESHA))
                .when(new ChangePopugRole(KESHA, Role.ADMIN))
                .expectNoEvents()
                .expectExceptionMessage("This popug is deactivated; their role can no longer change.");
    }

    @Test
    void aPopugIsDeactivated() {
        fixture.given(keshaRegistered(Role.ACCOUNTANT))
                .when(new DeactivatePopug(KESHA))
                .expectEvents(new PopugDeactivated(KESHA));
    }

    @Test
    void deactivatingTwiceIsRefused() {
        fixture.given(keshaRegistered(Role.ACCOUNTANT), new PopugDeactivated(KESHA))
                .when(new DeactivatePopug(KESHA))
                .expectNoEvents()
                .expectException(CommandRefusedException.class)
                .expectExceptionMessage("This popug is already deactivated.");
    }

    @Test
    void theCommandNeverShowsThePasswordInLogs() {
        org.assertj.core.api.Assertions.assertThat(kesha(Role.WORKER).toString())
                .doesNotContain("green-feathers-1").contains("password=(hidden)");
    }
}
