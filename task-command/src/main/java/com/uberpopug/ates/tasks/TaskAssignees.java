package com.uberpopug.ates.tasks;

import com.uberpopug.ates.api.identity.PopugDeactivated;
import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.PopugRoleChanged;
import com.uberpopug.ates.api.tasks.IsEligibleAssignee;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may be assigned tasks, as the task context learns it from identity events on Kafka: the
 * active popugs whose role is neither ADMIN nor MANAGER. Every handler is an idempotent upsert, so
 * redelivery and replay change nothing.
 */
@Component
@ProcessingGroup(TaskAssignees.PROCESSING_GROUP)
class TaskAssignees implements EligibleAssignees {

    static final String PROCESSING_GROUP = "task-assignees";

    private final JdbcTemplate jdbc;

    TaskAssignees(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PopugRegistered event) {
        jdbc.update("""
                INSERT INTO task_assignees (popug_id, username, role, active) VALUES (?, ?, ?, TRUE)
                ON CONFLICT (popug_id) DO NOTHING""", event.popugId(), event.username(), event.role().name());
    }

    @EventHandler
    void on(PopugRoleChanged event) {
        jdbc.update("UPDATE task_assignees SET role = ? WHERE popug_id = ?", event.to().name(), event.popugId());
    }

    @EventHandler
    void on(PopugDeactivated event) {
        jdbc.update("UPDATE task_assignees SET active = FALSE WHERE popug_id = ?", event.popugId());
    }

    @Override
    public List<UUID> ids() {
        return jdbc.queryForList("""
                SELECT popug_id FROM task_assignees WHERE active AND role IN ('ACCOUNTANT', 'WORKER')
                ORDER BY popug_id""", UUID.class);
    }

    @Override
    public int count() {
        Integer count = jdbc.queryForObject(
                "SELECT count(*) FROM task_assignees WHERE active AND role IN ('ACCOUNTANT', 'WORKER')", Integer.class);
        return count == null ? 0 : count;
    }

    @Override
    public Optional<UUID> at(int index) {
        return jdbc.queryForList("""
                SELECT popug_id FROM task_assignees WHERE active AND role IN ('ACCOUNTANT', 'WORKER')
                ORDER BY popug_id OFFSET ? LIMIT 1""", UUID.class, index).stream().findFirst();
    }

    @QueryHandler
    Boolean handle(IsEligibleAssignee query) {
        return jdbc.queryForObject("""
                SELECT count(*) > 0 FROM task_assignees
                WHERE popug_id = ? AND active AND role IN ('ACCOUNTANT', 'WORKER')""", Boolean.class, query.popugId());
    }

    @ResetHandler
    void reset() {
        jdbc.execute("TRUNCATE task_assignees");
    }
}
