package com.uberpopug.ates.identity.access;

import com.uberpopug.ates.api.identity.PopugFields;
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
 * Every password login (browser form and API token request). A username that no popug can have (wrong
 * form or length) is refused before anything else: nothing is counted or hashed for it. Otherwise the
 * attempt is counted first (refused while the username is locked from this address, or the address is
 * locked) and only then is the password hashed and compared; a password longer than any popug's (BCrypt
 * reads 72 bytes) is a wrong one. When Redis, which keeps the counts, does not answer, logins are refused
 * outright: failing closed.
 */
@Component
public class PopugAuthenticationProvider implements AuthenticationProvider {

    private static final String WRONG = "Wrong username or password";

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
        if (username == null || !PopugFields.USERNAME.matcher(username).matches()) {
            throw new BadCredentialsException(WRONG);
        }
        String address = login.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
        try {
            if (!throttle.attempt(username, address)) {
                throw new LockedException("Too many failed logins. Try again in "
                        + throttle.lockDuration().toMinutes() + " minutes.");
            }
            if (!PopugFields.passwordFitsBcrypt(String.valueOf(login.getCredentials()))) {
                throw new BadCredentialsException(WRONG);
            }
            Authentication authenticated = passwords.authenticate(login);
            throttle.succeeded(username, address);
            return authenticated;
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
