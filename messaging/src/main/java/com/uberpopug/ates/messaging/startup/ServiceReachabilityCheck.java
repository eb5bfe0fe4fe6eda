package com.uberpopug.ates.messaging.startup;

import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Before anything is built, checks that PostgreSQL, Kafka, ClickHouse and Redis answer on their
 * configured addresses. If one does not, the start fails with one short message naming the service,
 * its address and the command that starts it (see {@link ServicesUnreachableFailureAnalyzer}),
 * instead of a wall of stack traces from whichever bean touches it first.
 * Off with {@code ates.startup-check.enabled=false}.
 */
public class ServiceReachabilityCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    private static final int TIMEOUT_MILLIS = 2_000;

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment env = event.getEnvironment();
        if (!env.getProperty("ates.startup-check.enabled", Boolean.class, true)) {
            return;
        }
        List<RequiredService> unreachable = requiredServices(env).stream().filter(s -> !answers(s)).toList();
        if (!unreachable.isEmpty()) {
            throw new ServicesUnreachableException(unreachable);
        }
    }

    static List<RequiredService> requiredServices(Environment env) {
        List<RequiredService> services = new ArrayList<>();
        URI postgres = URI.create(env.getProperty("spring.datasource.url", "jdbc:postgresql://127.0.0.1:5432/ates")
                .substring("jdbc:".length()));
        services.add(new RequiredService("PostgreSQL", postgres.getHost(), port(postgres, 5432), "spring.datasource.url"));
        String firstBroker = env.getProperty("spring.kafka.bootstrap-servers", "127.0.0.1:9092").split(",")[0].strip();
        URI kafka = URI.create("kafka://" + firstBroker);
        services.add(new RequiredService("Kafka", kafka.getHost(), port(kafka, 9092), "spring.kafka.bootstrap-servers"));
        URI clickHouse = URI.create(env.getProperty("ates.clickhouse.url", "jdbc:clickhouse://127.0.0.1:8123")
                .substring("jdbc:".length()));
        services.add(new RequiredService("ClickHouse", clickHouse.getHost(), port(clickHouse, 8123), "ates.clickhouse.url"));
        services.add(new RequiredService("Redis", env.getProperty("spring.data.redis.host", "localhost"),
                env.getProperty("spring.data.redis.port", Integer.class, 6379), "spring.data.redis.host"));
        return services;
    }

    private static int port(URI uri, int fallback) {
        return uri.getPort() > 0 ? uri.getPort() : fallback;
    }

    private static boolean answers(RequiredService service) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(service.host(), service.port()), TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
