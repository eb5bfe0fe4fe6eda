package com.uberpopug.ates.identity.access;

import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/**
 * Every password login (browser form and API token request): refused while the username or the
 * client address is throttled, counted when it fails, and refused outright — failing closed — when
 * Redis, which keeps the counts, does not answer.
 */
@Component
public class PopugAuthenticationProvider implements AuthenticationProvider {

    private final DaoAuthenticationProvider passwords;
    private final LoginThrottle throttle;

    PopugAuthenticationProvider(UserDetailsService popugs, PasswordEncoder encoder, LoginThrottle throttle) {
        this.passwords = new DaoAuthenticationProvider(encoder);
        this.passwords.setUserDetailsService(popugs);
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication login) throws AuthenticationException {
        String username = login.getName();
        String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try {
            if (throttle.locked(username, address)) {
                throw new LockedException("Too many failed logins. Try again in "
                        + throttle.lockDuration().toMinutes() + " minutes.");
            }
            try {
                Authentication authenticated = passwords.authenticate(login);
                throttle.succeeded(username);
                return authenticated;
            } catch (BadCredentialsException wrong) {
                throttle.failed(username, address);
                throw wrong;
            }
        } catch (DataAccessException redisDown) {
            throw new AuthenticationServiceException(
                    "Logging in is not possible right now: the session store does not answer. Try again later.", redisDown);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
