package com.uberpopug.ates.app;

import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskPage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A revision-1 {@code TaskCreated} ("[UP-42] Fix beak", no Jira id field), written into the real
 * PostgreSQL event store as old releases wrote it, reads back as revision 2: through the event store
 * and through Kafka into the board.
 */
@AtesSpringTest
class TaskCreatedRevisionTest {

    @Autowired
    JdbcTemplate postgres;
    @Autowired
    EventStore eventStore;
    @Autowired
    QueryGateway queries;

    @Test
    void anOldTaskCreatedIsReadWithItsJiraIdInItsOwnField() {
        UUID taskId = UUID.randomUUID();
        postgres.update("""
                        INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type, eventidentifier,
                            metadata, payload, payloadrevision, payloadtype, timestamp)
                        VALUES (?, 0, 'Task', ?, ?, ?, '1', 'com.uberpopug.ates.api.tasks.TaskCreated', ?)""",
                taskId.toString(), UUID.randomUUID().toString(), "{}".getBytes(StandardCharsets.UTF_8),
                ("{\"taskId\":\"" + taskId + "\",\"title\":\"[UP-42] Fix beak\"}").getBytes(StandardCharsets.UTF_8),
                Instant.now().toString());

        DomainEventStream events = eventStore.readEvents(taskId.toString());
        assertThat(events.next().getPayload()).isEqualTo(new TaskCreated(taskId, "Fix beak", "UP-42", ""));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                queries.query(new FindTasks(null, null, "Fix beak", 0, 50), TaskPage.class).join().items())
                .filteredOn(task -> task.id().equals(taskId))
                .singleElement()
                .satisfies(onBoard -> {
                    assertThat(onBoard.title()).isEqualTo("Fix beak");
                    assertThat(onBoard.jiraId()).isEqualTo("UP-42");
                }));
    }
}
