package com.uberpopug.ates.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * The temporary login until popugs are registered through identity (next issue): one {@code admin},
 * never with a built-in password. It takes {@code ates.admin.password} (env {@code ATES_ADMIN_PASSWORD}),
 * or generates one and prints it once.
 */
@Configuration
class DevLogin {

    private static final Logger log = LoggerFactory.getLogger(DevLogin.class);

    @Bean
    UserDetailsService users(@Value("${ates.admin.password:}") String configured, PasswordEncoder encoder) {
        String password = configured;
        if (password.isBlank()) {
            byte[] random = new byte[12];
            new SecureRandom().nextBytes(random);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            log.warn("\n\n    No ATES_ADMIN_PASSWORD set: log in as 'admin' with the generated password {}\n", password);
        }
        return new InMemoryUserDetailsManager(User.withUsername("admin").password(encoder.encode(password))
                .roles("ADMIN").build());
    }
}
