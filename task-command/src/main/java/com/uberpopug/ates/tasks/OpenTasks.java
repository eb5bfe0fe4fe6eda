package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/**
 * The ids of the open tasks, kept by the task context for the shuffle. A subscribing processor: the
 * rows change in the same transaction as the events that change them, so the shuffle sees exactly the
 * tasks that exist and are open, and can page through them instead of loading 100,000 aggregates.
 */
@Component
@ProcessingGroup(OpenTasks.PROCESSING_GROUP)
class OpenTasks {

    static final String PROCESSING_GROUP = "task-open-list";

    private final JdbcTemplate jdbc;

    OpenTasks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(TaskCreated event) {
        jdbc.update("INSERT INTO task_open_tasks (task_id) VALUES (?) ON CONFLICT (task_id) DO NOTHING", event.taskId());
    }

    @EventHandler
    void on(TaskCompleted event) {
        jdbc.update("DELETE FROM task_open_tasks WHERE task_id = ?", event.taskId());
    }

    long count() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM task_open_tasks", Long.class);
        return count == null ? 0 : count;
    }

    /** Up to {@code limit} open task ids after {@code after} (null: from the start), in id order. */
    List<UUID> page(UUID after, int limit) {
        if (after == null) {
            return jdbc.queryForList("SELECT task_id FROM task_open_tasks ORDER BY task_id LIMIT ?", UUID.class, limit);
        }
        return jdbc.queryForList("SELECT task_id FROM task_open_tasks WHERE task_id > ? ORDER BY task_id LIMIT ?",
                UUID.class, after, limit);
    }
}
