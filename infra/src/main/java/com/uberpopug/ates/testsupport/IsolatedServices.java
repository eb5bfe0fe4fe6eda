package com.uberpopug.ates.testsupport;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives each Spring test context a namespace of its own on the real services that
 * {@code infra/ates-services.sh up} started: a fresh PostgreSQL database, a fresh ClickHouse database,
 * fresh Kafka topics (a topic prefix) and fresh Redis keys (a key prefix; they expire on their own). Tests therefore never see leftovers of earlier runs nor of
 * each other. Namespaces older than a few hours are swept away on the way.
 *
 * <p>Use with {@code @ContextConfiguration(initializers = IsolatedServices.class)}.
 */
public class IsolatedServices implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final Logger log = LoggerFactory.getLogger(IsolatedServices.class);
    private static final Pattern NAMESPACE = Pattern.compile("ates_it_(\\d+)_[0-9a-f]+");
    private static final Duration SWEEP_AFTER = Duration.ofHours(3);

    public static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    public static final String CLICKHOUSE_HTTP = "http://127.0.0.1:8123/";
    public static final String KAFKA = "127.0.0.1:9092";

    public static final String ADMIN_PASSWORD = "admin-test-password";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("isolated-services", newNamespace()));
    }

    /**
     * A fresh namespace (its PostgreSQL database created), as the application properties that point the
     * app at it: for a Spring test context, or for an application process a test starts.
     */
    public static Map<String, Object> newNamespace() {
        String kept = System.getProperty(KEPT_NAMESPACE, "");
        String namespace = kept.isBlank() ? freshNamespaceName() : keptName(kept);
        sweepOldNamespaces();
        if (kept.isBlank() || !postgresDatabaseExists(namespace)) {
            createPostgresDatabase(namespace);
        }
        log.info("Test namespace (PostgreSQL database, ClickHouse database, Kafka topic prefix): {}{}", namespace,
                kept.isBlank() ? "" : " (kept between runs: " + KEPT_NAMESPACE + ")");
        return Map.of(
                "spring.datasource.url", POSTGRES + namespace,
                "ates.clickhouse.database", namespace,
                "ates.kafka.topic-prefix", namespace + ".",
                "ates.redis.key-prefix", namespace + ":",
                "ates.admin.password", ADMIN_PASSWORD);
    }

    /**
     * A namespace a benchmark keeps between runs, named by this system property: made once, found again
     * by the next run (so that a stream seeded for an hour is replayed many times), never swept. Drop it
     * by hand ({@code dropdb -h 127.0.0.1 -U ates ates_kept_NAME}) when it is no longer wanted.
     */
    public static final String KEPT_NAMESPACE = "ates.test.namespace";

    private static String keptName(String name) {
        if (!name.matches("[a-z0-9_]{1,40}")) {
            throw new IllegalArgumentException(KEPT_NAMESPACE + " must be 1 to 40 of a-z, 0-9 and _, not '" + name + "'");
        }
        return "ates_kept_" + name;
    }

    private static boolean postgresDatabaseExists(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "ates", "ates", "ates");
             var exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, name);
            try (var rows = exists.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at 127.0.0.1:5432 (start the services: "
                    + "infra/ates-services.sh up)", e);
        }
    }

    static void createPostgresDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "ates", "ates", "ates");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create the test database " + name
                    + " on PostgreSQL at 127.0.0.1:5432 (start the services: infra/ates-services.sh up)", e);
        }
    }

    /** A name no namespace has yet; the sweep recognises it (and its age) by its form. */
    static String freshNamespaceName() {
        return "ates_it_" + Instant.now().getEpochSecond() + "_"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0xffff));
    }

    static void dropPostgresDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "ates", "ates", "ates");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop the test database " + name + " on PostgreSQL at 127.0.0.1:5432", e);
        }
    }

    private static boolean stale(String name) {
        Matcher matcher = NAMESPACE.matcher(name);
        return matcher.matches()
                && Instant.ofEpochSecond(Long.parseLong(matcher.group(1))).isBefore(Instant.now().minus(SWEEP_AFTER));
    }

    /** Best effort: a namespace that cannot be dropped now is dropped by a later run. */
    private static void sweepOldNamespaces() {
        try (Connection connection = DriverManager.getConnection(POSTGRES + "ates", "ates", "ates");
             Statement statement = connection.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (var rows = statement.executeQuery("SELECT datname FROM pg_database WHERE datname LIKE 'ates_it_%'")) {
                while (rows.next()) {
                    if (stale(rows.getString(1))) {
                        stale.add(rows.getString(1));
                    }
                }
            }
            for (String name : stale) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            log.warn("could not sweep old test databases: {}", e.getMessage());
        }
        try {
            for (String name : clickHouse("SHOW DATABASES").lines().filter(IsolatedServices::stale).toList()) {
                clickHouse("DROP DATABASE IF EXISTS " + name);
            }
        } catch (IOException | InterruptedException e) {
            log.warn("could not sweep old ClickHouse test databases: {}", e.getMessage());
        }
        Properties kafka = new Properties();
        kafka.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA);
        try (AdminClient admin = AdminClient.create(kafka)) {
            List<String> stale = admin.listTopics().names().get(10, TimeUnit.SECONDS).stream()
                    .filter(topic -> stale(topic.split("\\.")[0])).toList();
            if (!stale.isEmpty()) {
                admin.deleteTopics(stale).all().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            log.warn("could not sweep old Kafka test topics: {}", e.getMessage());
        }
    }

    /** Runs one statement through ClickHouse's HTTP interface and returns its answer. */
    public static String clickHouse(String sql) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(CLICKHOUSE_HTTP + "?query=" + URLEncoder.encode(sql, StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("ClickHouse answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
