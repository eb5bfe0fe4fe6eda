package com.uberpopug.ates.identity.access;

import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import java.util.Set;
import java.util.UUID;

/**
 * The real Redis that infra/ates-services.sh starts, under a key prefix of one test's own; its keys go at
 * {@link #close()}.
 */
final class TestRedis implements AutoCloseable {

    final String prefix = "ates_unit_" + UUID.randomUUID() + ":";
    private final LettuceConnectionFactory connection = new LettuceConnectionFactory("127.0.0.1", 6379);
    final StringRedisTemplate redis;

    TestRedis() {
        connection.afterPropertiesSet();
        connection.start();
        redis = new StringRedisTemplate(connection);
    }

    @Override
    public void close() {
        Set<String> keys = redis.keys(prefix + "*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        connection.destroy();
    }
}
