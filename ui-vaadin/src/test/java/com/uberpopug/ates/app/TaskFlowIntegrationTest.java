package com.uberpopug.ates.app;

import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.messaging.kafka.KafkaTopics;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One CreateTask followed through every part: event store, Kafka, PostgreSQL read model, ClickHouse. */
@AtesSpringTest
class TaskFlowIntegrationTest {

    @Autowired
    CommandGateway commands;
    @Autowired
    QueryGateway queries;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    KafkaTopics topics;
    @Value("${ates.clickhouse.database}")
    String clickHouseDatabase;

    @Test
    void aCreatedTaskReachesTheEventStoreKafkaTheBoardAndClickHouse() throws Exception {
        UUID taskId = UUID.randomUUID();
        TestPopugs.eligibleWorker(commands, postgres);

        commands.sendAndWait(new CreateTask(taskId, "Fix beak", "UP-42", "The beak squeaks"));

        // 1. The event store row: the source of truth, a readable JSON payload of revision 2.
        Map<String, Object> stored = postgres.queryForMap(
                "SELECT payloadtype, payloadrevision, sequencenumber, convert_from(payload, 'UTF8') AS json "
                        + "FROM domainevententry WHERE aggregateidentifier = ? AND sequencenumber = 0", taskId.toString());
        assertThat(stored.get("payloadtype")).isEqualTo("com.uberpopug.ates.api.tasks.TaskCreated");
        assertThat(stored.get("payloadrevision")).isEqualTo("2");
        assertThat(postgres.queryForObject("SELECT payloadtype FROM domainevententry "
                + "WHERE aggregateidentifier = ? AND sequencenumber = 1", String.class, taskId.toString()))
                .as("assigned at once, in the same transaction").isEqualTo("com.uberpopug.ates.api.tasks.TaskAssigned");
        assertThat((String) stored.get("json")).contains("\"title\":\"Fix beak\"", "\"jiraId\":\"UP-42\"");

        // 2. The Kafka record on the tasks topic, keyed by the aggregate id.
        ConsumerRecord<String, byte[]> record = awaitKafkaRecord(topics.name(Topic.TASKS), taskId.toString());
        assertThat(new String(record.value(), StandardCharsets.UTF_8)).contains("Fix beak", "UP-42");
        assertThat(new String(record.headers().lastHeader("axon-message-type").value(), StandardCharsets.UTF_8))
                .isEqualTo("com.uberpopug.ates.api.tasks.TaskCreated");

        // 3. The PostgreSQL read model, through the query the board uses.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            TaskPage page = queries.query(new FindTasks(null, null, "beak", 0, 10), TaskPage.class).join();
            assertThat(page.items()).extracting(TaskSummary::id).contains(taskId);
        });
        TaskSummary onBoard = queries.query(new FindTasks(null, null, "UP-42", 0, 10), TaskPage.class).join()
                .items().stream().filter(t -> t.id().equals(taskId)).findFirst().orElseThrow();
        assertThat(onBoard.title()).isEqualTo("Fix beak");
        assertThat(onBoard.status()).isEqualTo("open");
        assertThat(onBoard.assigneeId()).isNotNull();
        assertThat(onBoard.createdAt()).isNotNull();

        // 4. The ClickHouse row.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(IsolatedServices.clickHouse(
                "SELECT title, jira_id FROM " + clickHouseDatabase + ".tasks FINAL WHERE task_id = '" + taskId + "'"))
                .isEqualTo("Fix beak\tUP-42\n"));
    }

    @Test
    void anInvalidTaskIsRefusedAndStoresNothing() {
        UUID taskId = UUID.randomUUID();
        org.junit.jupiter.api.Assertions.assertThrows(com.uberpopug.ates.api.InvalidCommandException.class,
                () -> commands.sendAndWait(new CreateTask(taskId, "[UP-1] Fix beak", null, "")));
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ?",
                Long.class, taskId.toString())).isZero();
    }

    private ConsumerRecord<String, byte[]> awaitKafkaRecord(String topic, String key) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumer.partitionsFor(topic).isEmpty());
            consumer.partitionsFor(topic).forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> found = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> {
                    if (key.equals(r.key())) {
                        found.add(r);
                    }
                });
                return !found.isEmpty();
            });
            return found.get(0);
        }
    }
}
