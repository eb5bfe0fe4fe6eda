package com.uberpopug.ates.projections.board;

import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.projections.JdbcBatch;
import com.uberpopug.ates.api.tasks.TaskBoardChanged;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The task board: every task with its status and assignee, fed from the {@code ates.tasks} topic.
 * Handlers are idempotent (Kafka delivers at least once), so a redelivered event changes nothing.
 */
@Component
@ProcessingGroup(TaskBoardProjection.PROCESSING_GROUP)
class TaskBoardProjection {

    static final String PROCESSING_GROUP = "task-board";

    private static final RowMapper<TaskSummary> TASK = (rs, row) -> new TaskSummary(
            rs.getObject("task_id", UUID.class), rs.getString("title"), rs.getString("jira_id"),
            rs.getString("description"), rs.getString("status"), rs.getObject("assignee_id", UUID.class),
            rs.getString("assignee_name"), instant(rs.getTimestamp("created_at")),
            instant(rs.getTimestamp("completed_at")));

    private final NamedParameterJdbcTemplate jdbc;
    private final QueryUpdateEmitter updates;

    TaskBoardProjection(NamedParameterJdbcTemplate jdbc, QueryUpdateEmitter updates) {
        this.jdbc = jdbc;
        this.updates = updates;
    }

    @EventHandler
    void on(TaskCreated event, @org.axonframework.eventhandling.Timestamp Instant createdAt) {
        JdbcBatch.add(jdbc, """
                INSERT INTO task_board (task_id, title, jira_id, description, created_at)
                VALUES (:id, :title, :jiraId, :description, :createdAt)
                ON CONFLICT (task_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", event.taskId())
                .addValue("title", event.title())
                .addValue("jiraId", event.jiraId())
                .addValue("description", event.description() == null ? "" : event.description())
                .addValue("createdAt", Timestamp.from(createdAt)));
        updates.emit(FindTasks.class, query -> true, new TaskBoardChanged(event.taskId()));
    }

    @QueryHandler
    TaskPage find(FindTasks query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.status() != null && !query.status().isBlank()) {
            where.append(" AND status = :status");
            params.addValue("status", query.status());
        }
        if (query.assigneeId() != null) {
            where.append(" AND assignee_id = :assignee");
            params.addValue("assignee", query.assigneeId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            where.append(" AND (title ILIKE :text OR jira_id ILIKE :text OR description ILIKE :text)");
            params.addValue("text", "%" + escapeLike(query.text().strip()) + "%");
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM task_board" + where, params, Long.class);
        params.addValue("limit", Math.max(0, query.limit())).addValue("offset", Math.max(0, query.offset()));
        List<TaskSummary> items = jdbc.query("SELECT * FROM task_board" + where
                + " ORDER BY created_at DESC, task_id LIMIT :limit OFFSET :offset", params, TASK);
        return new TaskPage(new ArrayList<>(items), total == null ? 0 : total);
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE task_board");
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
