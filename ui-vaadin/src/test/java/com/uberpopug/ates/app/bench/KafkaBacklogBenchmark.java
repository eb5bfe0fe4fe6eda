package com.uberpopug.ates.app.bench;

import com.uberpopug.ates.testsupport.Machine;
import com.uberpopug.ates.api.Topic;
import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.messaging.kafka.KafkaTopics;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.messaging.kafka.KafkaEventForwarder;
import com.uberpopug.ates.testsupport.IsolatedServices;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * How fast a backlog of events in the event store reaches a Kafka-fed projection.
 *
 * <p>With the Kafka publisher and the board projection stopped, it stores N {@code TaskCreated}
 * events (default 10,000) through the real command path, then starts both and measures until the
 * board read model holds all N. Baselines measured in the same run, on the same services:
 * single-row PostgreSQL inserts (autocommit), a raw Kafka producer waiting for each record's
 * acknowledgement (what Axon's own publisher does), and a raw Kafka producer sending the whole
 * backlog asynchronously. Prints figures and machine; asserts nothing about time.
 *
 * <p>Run: {@code ./ates bench kafka-backlog} (EVENTS=n to change the backlog).
 */
@Tag("benchmark")
@AtesSpringTest
class KafkaBacklogBenchmark {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventProcessingConfiguration processing;
    @Autowired
    JdbcTemplate postgres;
    @Autowired
    DataSource dataSource;
    @Autowired
    KafkaTopics topics;
    /** Every created task is two events: TaskCreated and TaskAssigned. */
    private static final int EVENTS_PER_TASK = 2;

    @Value("${ates.bench.events:10000}")
    int events;
    /** Processors paused for the whole run (e.g. "accounting,accounting-views"), to see the pipeline alone. */
    @Value("${ates.bench.paused:}")
    List<String> paused;

    @Test
    void backlogThroughKafkaIntoTheBoard() throws Exception {
        paused.stream().filter(name -> !name.isBlank()).forEach(name -> processor(name).shutDown());
        TestPopugs.eligibleWorker(commands, postgres);
        // A warm-up round first, so that the figure is the running system's and not the JIT compiler's.
        Drain warmUp = drainBacklogOf(Math.max(500, events / EVENTS_PER_TASK / 5));
        Drain measured = drainBacklogOf(events / EVENTS_PER_TASK);

        double postgresRate = postgresSingleRowInserts(Math.min(events, 5_000));
        double ackedRate = kafkaProducer(Math.min(events, 2_000), true);
        double asyncRate = kafkaProducer(events, false);

        System.out.println(String.join("\n",
                "",
                "=== Kafka backlog benchmark ===",
                "machine:  " + Machine.describe(),
                "paused:   " + (paused.stream().allMatch(String::isBlank) ? "nothing (every processor runs)" : String.join(", ", paused)),
                String.format("backlog:  %,d events (%,d CreateTask commands: TaskCreated + TaskAssigned each) stored "
                        + "through 4 threads (%,.0f commands/s) while the Kafka publisher and the board projection "
                        + "were stopped; then both started", measured.events(), measured.tasks(), measured.storeRate()),
                String.format("RESULT:   event store -> Kafka -> board projection: %,d events in %.2f s = %,.0f events/s",
                        measured.events(), measured.drainSeconds(), measured.events() / measured.drainSeconds()),
                String.format("          all on Kafka after %.2f s (publisher alone: %,.0f events/s)",
                        measured.inKafkaSeconds(), measured.events() / measured.inKafkaSeconds()),
                String.format("          (warm-up round before it: %,d events in %.2f s)", warmUp.events(), warmUp.drainSeconds()),
                "baselines, same run, same services:",
                String.format("  PostgreSQL single-row inserts, autocommit:      %,10.0f rows/s", postgresRate),
                String.format("  Kafka producer, wait for each ack (Axon's way): %,10.0f records/s", ackedRate),
                String.format("  Kafka producer, async send + flush:             %,10.0f records/s", asyncRate),
                ""));
    }

    /** Stores a backlog with publisher and board stopped, starts both, and times until the board holds it all. */
    private Drain drainBacklogOf(int count) throws Exception {
        StreamingEventProcessor publisher = processor(KafkaEventForwarder.PROCESSING_GROUP);
        StreamingEventProcessor board = processor("task-board");
        publisher.shutDown();
        board.shutDown();
        long onBoardBefore = boardCount();
        long inKafkaBefore = recordsInTasksTopic();

        long storeStart = System.nanoTime();
        storeTasks(count);
        double storeRate = count / seconds(storeStart);

        long start = System.nanoTime();
        publisher.start();
        board.start();
        double inKafkaSeconds = -1;
        while (boardCount() - onBoardBefore < count) {
            if (inKafkaSeconds < 0 && recordsInTasksTopic() - inKafkaBefore >= (long) EVENTS_PER_TASK * count) {
                inKafkaSeconds = seconds(start);
            }
            Thread.sleep(20);
            if (seconds(start) > 600) {
                throw new IllegalStateException("backlog not drained after 600 s");
            }
        }
        double drainSeconds = seconds(start);
        return new Drain(count, storeRate, drainSeconds, inKafkaSeconds < 0 ? drainSeconds : inKafkaSeconds);
    }

    private record Drain(int tasks, double storeRate, double drainSeconds, double inKafkaSeconds) {
        int events() {
            return tasks * EVENTS_PER_TASK;
        }
    }

    private StreamingEventProcessor processor(String name) {
        return processing.eventProcessor(name, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no streaming processor " + name));
    }

    private void storeTasks(int count) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                sent.add(threads.submit(() -> commands.sendAndWait(
                        new CreateTask(UUID.randomUUID(), "Benchmark task " + n, "UP-" + (n + 1), "A task of the backlog"))));
            }
            for (Future<?> future : sent) {
                future.get();
            }
        } finally {
            threads.shutdown();
        }
    }

    private long recordsInTasksTopic() throws Exception {
        String topic = topics.name(Topic.TASKS);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA))) {
            Map<TopicPartition, OffsetSpec> partitions = new HashMap<>();
            admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                    .forEach(p -> partitions.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            return admin.listOffsets(partitions).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        }
    }

    private long boardCount() {
        // A task is through when its assignment is on the board too (the second of its two events).
        return postgres.queryForObject("SELECT count(*) FROM task_board WHERE assignee_id IS NOT NULL", Long.class);
    }

    private double postgresSingleRowInserts(int rows) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.createStatement().execute("CREATE TEMP TABLE bench_rows (id UUID PRIMARY KEY, payload BYTEA)");
            byte[] payload = new byte[300];
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_rows VALUES (?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setObject(1, UUID.randomUUID());
                    insert.setBytes(2, payload);
                    insert.executeUpdate();
                }
            }
            return rows / seconds(start);
        }
    }

    private double kafkaProducer(int records, boolean waitForEachAck) throws Exception {
        String topic = "ates_bench_" + UUID.randomUUID();
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, IsolatedServices.KAFKA,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5);
        byte[] value = new byte[300];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config)) {
            producer.partitionsFor(topic); // creates the topic; not part of the measurement
            long start = System.nanoTime();
            for (int i = 0; i < records; i++) {
                var sent = producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), value));
                if (waitForEachAck) {
                    sent.get(30, TimeUnit.SECONDS);
                }
            }
            producer.flush();
            return records / seconds(start);
        }
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
