package com.uberpopug.ates.app.views;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;

import static org.assertj.core.api.Assertions.assertThat;

/** What the login page says after a failed login. */
class LoginViewTest {

    @Test
    void aThrottledLoginSaysWhenToTryAgain() {
        assertThat(LoginView.explain(new LockedException("Too many failed logins. Try again in 15 minutes."))
                .getErrorMessage().getMessage()).isEqualTo("Too many failed logins. Try again in 15 minutes.");
    }

    @Test
    void aLoginWithoutRedisSaysTheSessionStoreIsDown() {
        assertThat(LoginView.explain(new AuthenticationServiceException("the session store does not answer"))
                .getErrorMessage().getTitle()).isEqualTo("Cannot log in now");
    }

    @Test
    void aWrongPasswordIsJustThat() {
        assertThat(LoginView.explain(new BadCredentialsException("bad")).getErrorMessage().getTitle())
                .isEqualTo("Wrong username or password");
    }
}
