package com.uberpopug.ates.app.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.app.packaged.AppApi;
import com.uberpopug.ates.app.packaged.AppProcess;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the real publisher puts on Kafka matches the catalogue: the packaged application goes through a
 * day of every context (popugs registered, re-roled and deactivated; tasks created, completed and
 * shuffled; the day closed and paid), then every message on the three topics is read raw and must carry
 * the envelope's headers and a payload valid against the schema of its type and revision. The application
 * serves the same catalogue at {@code /api/asyncapi.json}.
 */
class PublishedEventsIT {

    private static final String PASSWORD = "catalogue-pass-1";

    @Test
    void everyMessageOnTheTopicsIsValidAgainstItsSchema() throws Exception {
        Map<String, Object> properties = new HashMap<>(IsolatedServices.newNamespace());
        properties.put("ates.identity.password-strength", 4);
        AppProcess app = AppProcess.start(AppProcess.packagedJar(), properties, "published-events-it");
        try {
            AppApi api = new AppApi(app);
            String admin = api.token("admin", IsolatedServices.ADMIN_PASSWORD);
            api.register(admin, "ada", "WORKER", PASSWORD);
            String bob = api.register(admin, "bob", "WORKER", PASSWORD);
            for (int i = 0; i < 4; i++) {
                JsonNode task = api.post("/api/tasks", admin, Map.of("title", "Catalogue task " + i, "jiraId", "UP-" + (i + 1), "description", ""), 201);
                if (task.get("assigneeId").asText().equals(bob)) {
                    api.post("/api/tasks/" + task.get("id").asText() + "/complete", api.token("bob", PASSWORD), null, 200);
                }
            }
            api.post("/api/tasks/shuffle", admin, null, 200);
            api.putInTheBlack(admin, "ada", PASSWORD); // so that the close pays someone
            api.put("/api/popugs/" + bob + "/role", admin, Map.of("role", "ACCOUNTANT"), 200);
            LocalDate day = LocalDate.parse(api.closeDay(admin).get("day").asText());
            await().atMost(Duration.ofSeconds(60)).until(() -> "closed".equals(api.get("/api/accounting/closes/" + day, admin).get("status").asText()));
            api.post("/api/popugs/" + bob + "/deactivate", admin, null, 200);

            String prefix = (String) properties.get("ates.kafka.topic-prefix");
            Map<String, Integer> seen = new TreeMap<>();
            List<String> problems = new ArrayList<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                seen.clear();
                problems.clear();
                for (ConsumerRecord<String, byte[]> message : readAll(prefix)) {
                    check(message, prefix, seen, problems);
                }
                assertThat(seen.keySet()).as("the day's events, by type and revision").contains("PopugRegistered.1", "PopugRoleChanged.1",
                        "PopugDeactivated.1", "TaskCreated.2", "TaskAssigned.0", "TaskCompleted.0", "TaskPriced.0", "AccountOpened.0",
                        "AccountDebited.0", "AccountCredited.0", "BusinessDayCloseStarted.0", "BusinessDayClosed.0", "BusinessDayOpened.0",
                        "PayoutIssued.0", "PayoutSent.0");
            });
            System.out.println("Messages checked against docs/events, by type and revision: " + seen);
            assertThat(problems).as("messages that do not match the catalogue").isEmpty();

            HttpResponse<String> served = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(app.url("/api/asyncapi.json"))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(served.statusCode()).isEqualTo(200);
            assertThat(EventCatalogue.json().readTree(served.body())).as("/api/asyncapi.json is docs/events/asyncapi.json")
                    .isEqualTo(EventCatalogue.json().readTree(EventCatalogue.DOCS.resolve("asyncapi.json").toFile()));
            HttpResponse<String> schema = HttpClient.newHttpClient().send(HttpRequest.newBuilder(java.net.URI.create(
                    app.url("/api/events/ates.tasks/TaskCreated.2.json"))).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(schema.statusCode()).as("the schemas the document refers to are served beside it").isEqualTo(200);
        } finally {
            app.stop();
        }
    }

    private static void check(ConsumerRecord<String, byte[]> message, String prefix, Map<String, Integer> seen, List<String> problems) throws IOException {
        Set<String> missing = new TreeSet<>(AsyncApiDocument.REQUIRED);
        for (Header header : message.headers()) {
            missing.remove(header.key());
            if (!AsyncApiDocument.HEADERS.containsKey(header.key())) {
                problems.add(where(message) + ": header " + header.key() + " is not in the catalogue's envelope");
            }
        }
        for (String binary : AsyncApiDocument.LONGS) {
            Header header = message.headers().lastHeader(binary);
            if (header != null && (header.value() == null || header.value().length != Long.BYTES)) {
                problems.add(where(message) + ": " + binary + " is not a long in 8 bytes");
            }
        }
        if (!missing.isEmpty()) {
            problems.add(where(message) + ": without the headers " + missing);
        }
        String type = header(message, "axon-message-type");
        String revision = header(message, "axon-message-revision");
        String name = type.substring(type.lastIndexOf('.') + 1) + "." + (revision == null ? EventCatalogue.NO_REVISION : revision);
        seen.merge(name, 1, Integer::sum);
        if (!message.key().equals(header(message, "axon-message-aggregate-id"))) {
            problems.add(where(message) + ": key " + message.key() + " is not the aggregate id");
        }
        String topic = message.topic().substring(prefix.length());
        Path file = EventCatalogue.DOCS.resolve(topic).resolve(name + ".json");
        if (!Files.exists(file)) {
            problems.add(where(message) + ": " + name + " has no schema " + file);
            return;
        }
        JsonNode payload = EventCatalogue.json().readTree(new String(message.value(), StandardCharsets.UTF_8));
        Set<ValidationMessage> errors = EventCatalogue.validator(file).validate(payload);
        if (!errors.isEmpty()) {
            problems.add(where(message) + ": " + name + " " + payload + " against " + file + ": " + errors);
        }
    }

    private static String where(ConsumerRecord<String, byte[]> message) {
        return message.topic() + "-" + message.partition() + "@" + message.offset();
    }

    private static String header(ConsumerRecord<String, byte[]> message, String key) {
        Header header = message.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<ConsumerRecord<String, byte[]>> readAll(String prefix) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA,
                ConsumerConfig.GROUP_ID_CONFIG, "catalogue-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(java.util.Arrays.stream(Topic.values()).map(topic -> prefix + topic.topicName()).toList());
            int emptyPolls = 0;
            while (emptyPolls < 3) {
                int before = all.size();
                consumer.poll(Duration.ofMillis(1000)).forEach(all::add);
                emptyPolls = all.size() == before ? emptyPolls + 1 : 0;
            }
        }
        return all;
    }
}
