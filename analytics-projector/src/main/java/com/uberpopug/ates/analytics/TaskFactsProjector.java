package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** Writes task facts into ClickHouse from the {@code ates.tasks} topic, a batch per unit of work. */
@Component
@ProcessingGroup(TaskFactsProjector.PROCESSING_GROUP)
class TaskFactsProjector {

    static final String PROCESSING_GROUP = "analytics";

    private final ClickHouse clickHouse;

    TaskFactsProjector(ClickHouse clickHouse) {
        this.clickHouse = clickHouse;
    }

    @EventHandler
    void on(TaskCreated event, @Timestamp Instant createdAt, EventMessage<?> message) {
        ClickHouseBatch.of(clickHouse, "INSERT INTO tasks (task_id, title, jira_id, created_at, event_id) VALUES (?, ?, ?, ?, ?)")
                .add(event.taskId().toString(), event.title(), event.jiraId() == null ? "" : event.jiraId(),
                        java.sql.Timestamp.from(createdAt), message.getIdentifier());
    }

    @ResetHandler
    void reset() {
        clickHouse.jdbc().execute("TRUNCATE TABLE tasks");
    }
}
