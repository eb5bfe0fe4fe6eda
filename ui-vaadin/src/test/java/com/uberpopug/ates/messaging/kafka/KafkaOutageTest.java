package com.uberpopug.ates.messaging.kafka;

import com.uberpopug.ates.api.tasks.CreateTask;
import com.uberpopug.ates.app.TestPopugs;
import com.uberpopug.ates.app.AtesSpringTest;
import com.uberpopug.ates.testsupport.IsolatedServices;
import com.uberpopug.ates.testsupport.KafkaBrokerProcess;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Kafka goes down for real (its broker process is stopped), commands keep succeeding, and when it
 * comes back every event reaches the read models exactly once.
 */
@AtesSpringTest
class KafkaOutageTest {

    private static KafkaBrokerProcess broker;

    @DynamicPropertySource
    static void ownBroker(DynamicPropertyRegistry registry) {
        broker = KafkaBrokerProcess.startNew();
        registry.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Autowired
    CommandGateway commands;
    @Autowired
    JdbcTemplate postgres;
    @Value("${ates.clickhouse.database}")
    String clickHouseDatabase;

    @Test
    void eventsWrittenWhileKafkaIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        TestPopugs.eligibleWorker(commands, postgres);
        List<UUID> before = createTasks(5, "before");
        await().atMost(Duration.ofSeconds(60)).until(() -> boardCount() == 5);

        broker.stop();
        List<UUID> during = createTasks(20, "during the outage");
        // Commands succeed without Kafka: the event store has them all, the board has none of them yet.
        assertThat(postgres.queryForObject("SELECT count(*) FROM domainevententry "
                + "WHERE payloadtype = 'com.uberpopug.ates.api.tasks.TaskCreated'", Long.class)).isEqualTo(25);
        assertThat(boardCount()).isEqualTo(5);

        broker.start();
        List<UUID> all = new ArrayList<>(before);
        all.addAll(during);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).until(() -> boardCount() == 25);
        assertThat(postgres.queryForList("SELECT task_id FROM task_board", UUID.class))
                .containsExactlyInAnyOrderElementsOf(all);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(IsolatedServices.clickHouse(
                "SELECT count(), uniqExact(task_id) FROM " + clickHouseDatabase + ".tasks FINAL")).isEqualTo("25\t25\n"));
    }

    private List<UUID> createTasks(int count, String label) {
        return IntStream.range(0, count).mapToObj(i -> {
            UUID id = UUID.randomUUID();
            commands.sendAndWait(new CreateTask(id, "Task " + i + " " + label, null, ""));
            return id;
        }).toList();
    }

    private long boardCount() {
        return postgres.queryForObject("SELECT count(*) FROM task_board", Long.class);
    }
}
