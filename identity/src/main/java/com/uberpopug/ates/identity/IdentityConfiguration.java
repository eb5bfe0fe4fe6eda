package com.uberpopug.ates.identity;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.identity.PopugProfile;
import com.uberpopug.ates.identity.access.PopugProfiles;
import com.uberpopug.ates.messaging.api.PlainAggregates;
import org.axonframework.eventsourcing.AggregateFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.cache.RedisCacheManagerBuilderCustomizer;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.interceptor.CacheErrorHandler;
import org.springframework.cache.interceptor.LoggingCacheErrorHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext;
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

    /**
     * Cached profiles are JSON, read back as {@link PopugProfile} and nothing else; the cache holds no other
     * kind (an unknown cache name is an error, not a new cache with Java serialization, Spring's default,
     * whose reading runs whatever classes the stored bytes name).
     */
    @Bean
    RedisCacheManagerBuilderCustomizer profilesAsJson(ObjectMapper json) {
        return builder -> builder
                .withCacheConfiguration(PopugProfiles.CACHE, builder.cacheDefaults().serializeValuesWith(
                        RedisSerializationContext.SerializationPair.fromSerializer(
                                new Jackson2JsonRedisSerializer<>(json, PopugProfile.class))))
                .disableCreateOnMissingCache();
    }

    /**
     * Password hashes of identity_popugs: BCrypt, at a cost of 2^strength rounds (10: about 50 ms a hash on
     * our machines, what makes guessing slow). Benchmarks that register thousands of popugs lower it; hashes
     * keep their own cost, so a lower setting never weakens the hashes stored before.
     */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${ates.identity.password-strength:10}") int strength) {
        return new BCryptPasswordEncoder(strength);
    }

    /** Popugs loaded as plain objects, not as Spring beans: {@link PlainAggregates}. */
    @Bean
    AggregateFactory<Popug> popugAggregateFactory() {
        return new PlainAggregates<>(Popug.class, Popug::new);
    }
}
