package com.uberpopug.ates.identity;

import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration
@EnableCaching
class IdentityConfiguration {

    /**
     * A cache that cannot be read (Redis down) is a miss, answered from PostgreSQL, not an error: the
     * cache only saves queries. Logins and tokens, which need Redis, fail closed on their own.
     */
    @Bean
    CachingConfigurer cacheErrorsAreMisses() {
        return new CachingConfigurer() {
            @Override
            public CacheErrorHandler errorHandler() {
                return new LoggingCacheErrorHandler();
            }
        };
    }

    /** Password hashes of identity_popugs: BCrypt. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
