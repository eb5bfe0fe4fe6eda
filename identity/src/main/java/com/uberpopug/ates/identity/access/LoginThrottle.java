package com.uberpopug.ates.identity.access;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.List;

/**
 * Counts login attempts in Redis, per username from one client address ({@code ates.login.max-failures},
 * default 5) and per client address over all usernames ({@code ates.login.max-failures-per-address},
 * default 20). An attempt is counted before its password is checked, in one Redis script that also sets
 * the count's expiry, so parallel guesses cannot all pass the check before any is counted, and no count
 * outlives {@code ates.login.lock-duration} (default 15 minutes, from the last counted attempt). A
 * successful login takes its attempt back. Locking is per address: a stranger who fails for a username
 * from elsewhere does not lock its popug out.
 */
@Component
public class LoginThrottle {

    /** KEYS: the username@address count, the address count. ARGV: their limits, the lock in ms. 1: go on, 0: locked. */
    private static final RedisScript<Long> ATTEMPT = RedisScript.of("""
            for i = 1, 2 do
              if tonumber(redis.call('GET', KEYS[i]) or '0') >= tonumber(ARGV[i]) then
                if redis.call('PTTL', KEYS[i]) < 0 then
                  redis.call('PEXPIRE', KEYS[i], ARGV[3])
                end
                return 0
              end
            end
            for i = 1, 2 do
              redis.call('INCR', KEYS[i])
              redis.call('PEXPIRE', KEYS[i], ARGV[3])
            end
            return 1""", Long.class);

    /** KEYS: the username@address count, the address count. */
    private static final RedisScript<Long> SUCCEEDED = RedisScript.of("""
            redis.call('DEL', KEYS[1])
            if redis.call('DECR', KEYS[2]) <= 0 then
              redis.call('DEL', KEYS[2])
            end
            return 1""", Long.class);

    private final StringRedisTemplate redis;
    private final String keys;
    private final int maxPerUsername;
    private final int maxPerAddress;
    private final Duration lock;

    LoginThrottle(StringRedisTemplate redis, @Value("${ates.redis.key-prefix:ates:}") String keyPrefix,
                  @Value("${ates.login.max-failures:5}") int maxPerUsername,
                  @Value("${ates.login.max-failures-per-address:20}") int maxPerAddress,
                  @Value("${ates.login.lock-duration:15m}") Duration lock) {
        this.redis = redis;
        this.keys = keyPrefix + "login-attempts:";
        this.maxPerUsername = maxPerUsername;
        this.maxPerAddress = maxPerAddress;
        this.lock = lock;
    }

    /** Counts an attempt about to check a password; false (nothing counted) while the username or address is locked. */
    public boolean attempt(String username, String address) {
        return redis.execute(ATTEMPT, keysOf(username, address), String.valueOf(maxPerUsername),
                String.valueOf(maxPerAddress), String.valueOf(lock.toMillis())) == 1L;
    }

    /** The attempt was a successful login: it is not held against the username or the address. */
    public void succeeded(String username, String address) {
        redis.execute(SUCCEEDED, keysOf(username, address));
    }

    public Duration lockDuration() {
        return lock;
    }

    private List<String> keysOf(String username, String address) {
        String from = address == null ? "unknown" : address;
        return List.of(keys + "user:" + username + ":from:" + from, keys + "address:" + from);
    }
}
