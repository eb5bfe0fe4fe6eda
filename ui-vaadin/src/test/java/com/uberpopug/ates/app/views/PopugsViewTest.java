package com.uberpopug.ates.app.views;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.AtesSpringTest;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static org.assertj.core.api.Assertions.assertThat;

/** The admin's Popugs page: register with validation, then deactivate. */
@AtesSpringTest
class PopugsViewTest extends KaribuViewTest {

    private PopugsView page;

    @BeforeEach
    void openAsAdmin() {
        login("admin", "ADMIN");
        UI.getCurrent().navigate(PopugsView.class);
        page = _get(PopugsView.class);
    }

    @Test
    void anAdminRegistersAPopugWhoThenAppearsInTheList() {
        String username = "rosa-" + UUID.randomUUID().toString().substring(0, 6);
        _setValue(page.username, username);
        _setValue(page.fullName, "Rosa Popug");
        _setValue(page.email, username + "@uberpopug.com");
        _setValue(page.role, Role.ACCOUNTANT);
        _setValue(page.password, "rosa-pass-77");
        _click(page.register);

        assertThat(page.username.getValue()).as("form cleared").isEmpty();
        PopugProfile rosa = GridKt._findAll(page.grid).stream().filter(p -> p.username().equals(username))
                .findFirst().orElseThrow();
        assertThat(rosa.role()).isEqualTo(Role.ACCOUNTANT);
        assertThat(rosa.active()).isTrue();

        page.deactivate(rosa);

        assertThat(GridKt._findAll(page.grid).stream().filter(p -> p.username().equals(username)).findFirst()
                .orElseThrow().active()).isFalse();
    }

    @Test
    void invalidInputIsShownBesideEachFieldAndNothingIsRegistered() {
        long before = GridKt._size(page.grid);
        _setValue(page.username, "X");
        _setValue(page.fullName, "");
        _setValue(page.email, "not-an-email");
        _setValue(page.password, "short");
        _click(page.register);

        assertThat(page.username.isInvalid()).isTrue();
        assertThat(page.fullName.getErrorMessage()).isEqualTo("A popug needs a full name.");
        assertThat(page.email.isInvalid()).isTrue();
        assertThat(page.password.getErrorMessage()).isEqualTo("A password has at least 10 characters.");
        assertThat(GridKt._size(page.grid)).isEqualTo(before);
    }

    @Test
    void aTakenUsernameIsShownBesideTheUsername() {
        _setValue(page.username, "admin");
        _setValue(page.fullName, "Second Admin");
        _setValue(page.email, "admin2@uberpopug.com");
        _setValue(page.password, "another-pass-1");
        _click(page.register);

        assertThat(page.username.getErrorMessage()).isEqualTo("The username 'admin' is taken.");
    }
}
