package com.uberpopug.ates.projections.board;

import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.tasks.FindTasks;
import com.uberpopug.ates.api.tasks.ListTaskAssignees;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskAssignee;
import com.uberpopug.ates.api.tasks.TaskBoardChanged;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import com.uberpopug.ates.api.tasks.TaskPage;
import com.uberpopug.ates.api.tasks.TaskSummary;
import com.uberpopug.ates.projections.BatchChanges;
import com.uberpopug.ates.projections.JdbcBatch;
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
 * The task board: every task with its status and assignee, fed from the {@code ates.tasks} topic, and
 * the names of popugs from {@code ates.identity}. Handlers are idempotent (Kafka delivers at least
 * once), so a redelivered event changes nothing. Queries of "My tasks" are board queries too.
 */
@Component
@ProcessingGroup(TaskBoardProjection.PROCESSING_GROUP)
class TaskBoardProjection {

    static final String PROCESSING_GROUP = "task-board";

    private static final String SELECT = """
            SELECT b.*, coalesce(p.full_name, p.username) AS assignee_name
            FROM task_board b LEFT JOIN task_board_popugs p ON p.popug_id = b.assignee_id""";

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
        BoardWrites.current(jdbc).created(event.taskId(), event.title(), event.jiraId(), event.description(), createdAt);
        changed();
    }

    @EventHandler
    void on(TaskAssigned event) {
        // A done task keeps the assignee who completed it, even when an older assignment is delivered again.
        BoardWrites.current(jdbc).assigned(event.taskId(), event.assigneeId());
        changed();
    }

    @EventHandler
    void on(TaskCompleted event, @org.axonframework.eventhandling.Timestamp Instant completedAt) {
        BoardWrites.current(jdbc).completed(event.taskId(), event.assigneeId(), completedAt);
        changed();
    }

    @EventHandler
    void on(PopugRegistered event) {
        JdbcBatch.add(jdbc, """
                INSERT INTO task_board_popugs (popug_id, username, full_name) VALUES (:id, :username, :fullName)
                ON CONFLICT (popug_id) DO NOTHING""", new MapSqlParameterSource()
                .addValue("id", event.popugId())
                .addValue("username", event.username())
                .addValue("fullName", event.fullName()));
        changed();
    }

    @QueryHandler
    TaskPage find(FindTasks query) {
        StringBuilder where = new StringBuilder(" WHERE TRUE");
        MapSqlParameterSource params = new MapSqlParameterSource();
        if (query.status() != null && !query.status().isBlank()) {
            where.append(" AND b.status = :status");
            params.addValue("status", query.status());
        }
        if (query.assigneeId() != null) {
            where.append(" AND b.assignee_id = :assignee");
            params.addValue("assignee", query.assigneeId());
        }
        if (query.text() != null && !query.text().isBlank()) {
            // Answered by the trigram index of task_board_text (V14).
            where.append(" AND b.task_id IN (SELECT t.task_id FROM task_board_text t WHERE t.text ILIKE :text)");
            params.addValue("text", "%" + escapeLike(query.text().strip()) + "%");
        }
        Long total = jdbc.queryForObject("SELECT count(*) FROM task_board b" + where, params, Long.class);
        if (query.limit() <= 0) {
            return new TaskPage(new ArrayList<>(), total == null ? 0 : total);
        }
        params.addValue("limit", query.limit()).addValue("offset", Math.max(0, query.offset()));
        // A deferred join: the page's ids come from the index alone (deep offsets skip index entries, not
        // rows), then only those rows are read and named.
        List<TaskSummary> items = jdbc.query(SELECT + " JOIN (SELECT b.task_id FROM task_board b" + where
                + " ORDER BY b.created_at DESC, b.task_id LIMIT :limit OFFSET :offset) page ON page.task_id = b.task_id"
                + " ORDER BY b.created_at DESC, b.task_id", params, TASK);
        return new TaskPage(new ArrayList<>(items), total == null ? 0 : total);
    }

    @QueryHandler
    List<TaskAssignee> assignees(ListTaskAssignees query) {
        return jdbc.query("SELECT * FROM task_board_popugs ORDER BY full_name, username", (rs, row) ->
                new TaskAssignee(rs.getObject("popug_id", UUID.class), rs.getString("username"), rs.getString("full_name")));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcTemplate().execute("TRUNCATE task_board, task_board_text, task_board_popugs");
    }

    private void changed() {
        BatchChanges.count(updates, FindTasks.class, TaskBoardChanged::new);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
