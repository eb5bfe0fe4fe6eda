package com.uberpopug.ates.identity.access;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;

/**
 * Opaque bearer tokens of the HTTP API, in Redis. Only a SHA-256 of a token is stored, with an expiry
 * ({@code ates.api-tokens.ttl}); a token can be revoked alone, and all of a popug's tokens together
 * (when the popug is deactivated).
 */
@Component
public class ApiTokens {


    private final StringRedisTemplate redis;
    private final String tokenKey;
    private final String tokensOfKey;
    private final Duration ttl;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    @Autowired
    ApiTokens(StringRedisTemplate redis, @Value("${ates.redis.key-prefix:ates:}") String keyPrefix,
              @Value("${ates.api-tokens.ttl:12h}") Duration ttl) {
        this(redis, keyPrefix, ttl, Clock.systemUTC());
    }

    ApiTokens(StringRedisTemplate redis, String keyPrefix, Duration ttl, Clock clock) {
        this.redis = redis;
        this.tokenKey = keyPrefix + "api-token:";
        this.tokensOfKey = keyPrefix + "api-tokens-of:";
        this.ttl = ttl;
        this.clock = clock;
    }

    public record IssuedToken(String token, Instant expiresAt) {
    }

    public IssuedToken issue(String username) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String key = tokenKey + hash(token);
        redis.opsForValue().set(key, username, ttl);
        redis.opsForSet().add(tokensOfKey + username, key);
        redis.expire(tokensOfKey + username, ttl);
        return new IssuedToken(token, clock.instant().plus(ttl));
    }

    /** The username a live token belongs to. */
    public Optional<String> usernameOf(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(redis.opsForValue().get(tokenKey + hash(token)));
    }

    public void revoke(String token) {
        String key = tokenKey + hash(token);
        String username = redis.opsForValue().get(key);
        redis.delete(key);
        if (username != null) {
            redis.opsForSet().remove(tokensOfKey + username, key);
        }
    }

    public void revokeAll(String username) {
        Set<String> keys = redis.opsForSet().members(tokensOfKey + username);
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        redis.delete(tokensOfKey + username);
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java", e);
        }
    }
}
