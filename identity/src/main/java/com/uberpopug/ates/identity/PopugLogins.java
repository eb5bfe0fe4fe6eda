package com.uberpopug.ates.identity;

import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/** Spring Security's view of popugs: username, BCrypt hash, role; a deactivated popug is disabled. */
@Component
class PopugLogins implements UserDetailsService {

    private final PopugAccounts accounts;

    PopugLogins(PopugAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        PopugAccounts.Login login = accounts.login(username)
                .orElseThrow(() -> new UsernameNotFoundException("no popug " + username));
        return User.withUsername(login.username())
                .password(login.passwordHash())
                .roles(login.role().name())
                .disabled(!login.active())
                .build();
    }
}
