package com.uberpopug.ates.identity.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Counts failed logins per username and per client address in Redis; after
 * {@code ates.login.max-failures} failures (default 5) that username or address is locked for
 * {@code ates.login.lock-duration} (default 15 minutes), counted from the last failure.
 */
@Component
public class LoginThrottle {

    private final StringRedisTemplate redis;
    private final String byUser;
    private final String byAddress;
    private final int maxFailures;
    private final Duration lock;

    LoginThrottle(StringRedisTemplate redis, @Value("${ates.redis.key-prefix:ates:}") String keyPrefix,
                  @Value("${ates.login.max-failures:5}") int maxFailures,
                  @Value("${ates.login.lock-duration:15m}") Duration lock) {
        this.redis = redis;
        this.byUser = keyPrefix + "login-failures:user:";
        this.byAddress = keyPrefix + "login-failures:address:";
        this.maxFailures = maxFailures;
        this.lock = lock;
    }

    public boolean locked(String username, String address) {
        return count(byUser + username) >= maxFailures || (address != null && count(byAddress + address) >= maxFailures);
    }

    public void failed(String username, String address) {
        increment(byUser + username);
        if (address != null) {
            increment(byAddress + address);
        }
    }

    public void succeeded(String username) {
        redis.delete(byUser + username);
    }

    public Duration lockDuration() {
        return lock;
    }

    private long count(String key) {
        String value = redis.opsForValue().get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    private void increment(String key) {
        redis.opsForValue().increment(key);
        redis.expire(key, lock);
    }
}
