package com.uberpopug.ates.messaging.trace;

import com.uberpopug.ates.messaging.api.TraceIds;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.app.ApiClient;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.messaging.kafka.KafkaTopics;
import com.uberpopug.ates.identity.access.ApiTokens;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * One API call's trace id, followed: into the metadata of the commands and events of both contexts it
 * touched, into the Kafka headers of their records, and into the log lines of every processor that
 * handled them. An error answer names its trace id too.
 */
@AtesSpringTest
class TraceIdFollowedTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ObjectMapper json;
    @Autowired
    ApiTokens tokens;
    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    KafkaTopics topics;
    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    private final ListAppender<ILoggingEvent> logLines = new ListAppender<>();
    private final Logger handledLog = (Logger) LoggerFactory.getLogger("ates.handled");
    private Level handledLevelBefore;

    @BeforeEach
    void captureLogLines() {
        handledLevelBefore = handledLog.getLevel();
        handledLog.setLevel(Level.DEBUG);
        logLines.start();
        root().addAppender(logLines);
    }

    @AfterEach
    void stopCapturing() {
        root().detachAppender(logLines);
        handledLog.setLevel(handledLevelBefore);
    }

    @Test
    void aTaskCreatedThroughTheApiCarriesItsTraceIdEverywhere() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        TestPopugs.Registered manager = TestPopugs.register(commands, Role.MANAGER);
        String traceId = "test-" + TraceIds.newId();

        MvcResult answer = new ApiClient(mvc, json, tokens).call(post("/api/tasks").header("X-Trace-Id", traceId),
                manager.username(), Map.of("title", "Trace the beak", "jiraId", "UP-7")).andExpect(status().isCreated())
                .andReturn();
        assertThat(answer.getResponse().getHeader("X-Trace-Id")).isEqualTo(traceId);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(storedEventsTracedBy(traceId))
                .as("events of the task and the accounting context in the event store")
                .contains("TaskCreated", "TaskAssigned", "TaskPriced", "AccountDebited"));
        assertThat(kafkaRecordsTracedBy(traceId)).as("topics whose records carry the trace id in their headers")
                .contains(topics.name(Topic.TASKS),
                        topics.name(Topic.ACCOUNTING));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(loggersTracedBy(traceId))
                .as("log lines with the trace id in their MDC")
                .contains("ates.handled.commands", "ates.handled.kafka-publisher", "ates.handled.task-board",
                        "ates.handled.accounting", "ates.handled.accounting-views", "ates.handled.analytics"));
    }

    @Test
    void aShuffleRunsInTheTraceOfTheActionThatStartedIt() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        TestPopugs.Registered manager = TestPopugs.register(commands, Role.MANAGER);
        ApiClient api = new ApiClient(mvc, json, tokens);
        api.call(post("/api/tasks"), manager.username(), Map.of("title", "Shuffle the beak")).andExpect(status().isCreated());
        String traceId = "test-" + TraceIds.newId();

        api.call(post("/api/tasks/shuffle").header("X-Trace-Id", traceId), manager.username(), Map.of())
                .andExpect(status().isOk());

        assertThat(storedEventsTracedBy(traceId)).as("the reassignments, sent from the shuffle's worker threads")
                .contains("TaskAssigned");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(loggersTracedBy(traceId))
                .as("the shuffle's own log lines, written on its background thread")
                .contains("com.uberpopug.ates.tasks.TaskShuffle"));
    }

    @Test
    void aRefusalNamesTheTraceIdOfItsRequest() throws Exception {
        TestPopugs.Registered manager = TestPopugs.register(commands, Role.MANAGER);
        MvcResult answer = new ApiClient(mvc, json, tokens).call(post("/api/tasks"), manager.username(),
                Map.of("title", "")).andExpect(status().isBadRequest()).andReturn();
        String traceId = answer.getResponse().getHeader("X-Trace-Id");
        JsonNode problem = json.readTree(answer.getResponse().getContentAsByteArray());
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(problem.get("traceId").asText()).isEqualTo(traceId);
    }

    private List<String> storedEventsTracedBy(String traceId) {
        return postgres.queryForList("""
                SELECT payloadtype FROM domainevententry
                WHERE convert_from(metadata, 'UTF8')::jsonb ->> 'traceId' = ?""", String.class, traceId)
                .stream().map(type -> type.substring(type.lastIndexOf('.') + 1)).toList();
    }

    private Set<String> kafkaRecordsTracedBy(String traceId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, "trace-test-" + TraceIds.newId());
        Set<String> topicsSeen = new HashSet<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(topics.all());
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (topicsSeen.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    Header header = record.headers().lastHeader("axon-metadata-traceId");
                    if (header != null && new String(header.value(), StandardCharsets.UTF_8).contains(traceId)) {
                        topicsSeen.add(record.topic());
                    }
                }
            }
        }
        return topicsSeen;
    }

    private Set<String> loggersTracedBy(String traceId) {
        List<ILoggingEvent> lines;
        synchronized (logLines) {
            lines = List.copyOf(logLines.list);
        }
        Set<String> loggers = new HashSet<>();
        for (ILoggingEvent line : lines) {
            if (traceId.equals(line.getMDCPropertyMap().get(TraceIds.KEY))) {
                loggers.add(line.getLoggerName());
            }
        }
        return loggers;
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }
}
