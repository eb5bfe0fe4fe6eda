package com.uberpopug.ates.identity.access;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Against the real Redis that infra/ates-services.sh starts, under a key prefix of this test's own. */
class ApiTokensTest {

    private final TestRedis testRedis = new TestRedis();
    private final StringRedisTemplate redis = testRedis.redis;
    private final String prefix = testRedis.prefix;

    @AfterEach
    void cleanUp() {
        testRedis.close();
    }

    @Test
    void aTokenIsStoredOnlyAsAHashWithItsExpiry() {
        Instant now = Instant.parse("2026-11-25T10:00:00Z");
        ApiTokens tokens = new ApiTokens(redis, prefix, Duration.ofHours(12), Clock.fixed(now, ZoneOffset.UTC));

        ApiTokens.IssuedToken issued = tokens.issue("kesha");

        assertThat(issued.expiresAt()).isEqualTo(now.plus(Duration.ofHours(12)));
        assertThat(tokens.usernameOf(issued.token())).contains("kesha");
        Set<String> keys = redis.keys(prefix + "api-token:*");
        assertThat(keys).hasSize(1).noneMatch(key -> key.contains(issued.token()));
        long ttl = redis.getExpire(keys.iterator().next());
        assertThat(ttl).isBetween(Duration.ofHours(12).toSeconds() - 5, Duration.ofHours(12).toSeconds());
    }

    @Test
    void anExpiredTokenNoLongerOpensAnything() {
        ApiTokens tokens = new ApiTokens(redis, prefix, Duration.ofSeconds(1), Clock.systemUTC());
        String token = tokens.issue("kesha").token();

        await().atMost(Duration.ofSeconds(5)).until(() -> tokens.usernameOf(token).isEmpty());
    }

    @Test
    void revokingOneTokenLeavesTheOthersAndRevokingAllLeavesNone() {
        ApiTokens tokens = new ApiTokens(redis, prefix, Duration.ofHours(1), Clock.systemUTC());
        String laptop = tokens.issue("kesha").token();
        String phone = tokens.issue("kesha").token();
        String rosas = tokens.issue("rosa").token();

        tokens.revoke(laptop);
        assertThat(tokens.usernameOf(laptop)).isEmpty();
        assertThat(tokens.usernameOf(phone)).contains("kesha");

        tokens.revokeAll("kesha");
        assertThat(tokens.usernameOf(phone)).isEmpty();
        assertThat(tokens.usernameOf(rosas)).contains("rosa");
    }

    @Test
    void unknownOrBlankTokensBelongToNobody() {
        ApiTokens tokens = new ApiTokens(redis, prefix, Duration.ofHours(1), Clock.systemUTC());
        assertThat(tokens.usernameOf("made-up")).isEmpty();
        assertThat(tokens.usernameOf(" ")).isEmpty();
        assertThat(tokens.usernameOf(null)).isEmpty();
    }
}
