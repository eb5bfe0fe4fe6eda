package com.uberpopug.ates.projections.board;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The board's writes of one processor batch, folded per task before they reach PostgreSQL, just
 * before the batch's token is stored (same transaction). A task created in the batch is inserted once
 * with the state its later events in the batch gave it (a new task's creation and first assignment are
 * one insert, not an insert and an update); a task created earlier gets at most one update: its
 * completion, or else its last assignment. Every task row update rewrites every index of the table, so
 * in a replay, where whole tasks arrive in one batch, this saves most of the board's writes.
 *
 * <p>The result is what handling the events one by one would have given: an assignment counts only while
 * the task is open, a completion is final, and a creation delivered again never resets a task (Kafka
 * delivers at least once). Outside a unit of work each write runs at once.
 */
final class BoardWrites {

    private static final String UPSERT_TASK = """
            INSERT INTO task_board (task_id, title, jira_id, description, created_at, status, assignee_id, completed_at)
            VALUES (:id, :title, :jiraId, :description, :createdAt, :status, :assignee, :completedAt)
            ON CONFLICT (task_id) DO UPDATE
                SET status = EXCLUDED.status, assignee_id = coalesce(EXCLUDED.assignee_id, task_board.assignee_id),
                    completed_at = EXCLUDED.completed_at
                WHERE task_board.status = 'open' AND (EXCLUDED.status = 'done' OR EXCLUDED.assignee_id IS NOT NULL)""";
    private static final String INSERT_TEXT = """
            INSERT INTO task_board_text (task_id, text) VALUES (:id, :text) ON CONFLICT (task_id) DO NOTHING""";
    private static final String COMPLETE = """
            UPDATE task_board SET status = 'done', assignee_id = :assignee, completed_at = :completedAt
            WHERE task_id = :id AND status = 'open'""";
    private static final String ASSIGN = "UPDATE task_board SET assignee_id = :assignee WHERE task_id = :id AND status = 'open'";

    private final NamedParameterJdbcTemplate jdbc;
    /** Outside a unit of work there is no batch to wait for: each write goes at once. */
    private final boolean immediate;
    private final Map<UUID, NewTask> created = new LinkedHashMap<>();
    private final Map<UUID, Change> changed = new LinkedHashMap<>();

    private BoardWrites(NamedParameterJdbcTemplate jdbc, boolean immediate) {
        this.jdbc = jdbc;
        this.immediate = immediate;
    }

    /** The writes of the current unit of work (flushed when it commits), or writes that run at once without one. */
    static BoardWrites current(NamedParameterJdbcTemplate jdbc) {
        return PerBatch.resource(PerBatch.key(BoardWrites.class, jdbc),
                () -> new BoardWrites(jdbc, false), BoardWrites::flush).orElseGet(() -> new BoardWrites(jdbc, true));
    }

    void created(UUID taskId, String title, String jiraId, String description, Instant createdAt) {
        created.putIfAbsent(taskId, new NewTask(title, jiraId, description, createdAt));
        afterEachWrite();
    }

    void assigned(UUID taskId, UUID assignee) {
        NewTask task = created.get(taskId);
        (task != null ? task.state : changed.computeIfAbsent(taskId, id -> new Change())).assign(assignee);
        afterEachWrite();
    }

    void completed(UUID taskId, UUID assignee, Instant completedAt) {
        NewTask task = created.get(taskId);
        (task != null ? task.state : changed.computeIfAbsent(taskId, id -> new Change())).complete(assignee, completedAt);
        afterEachWrite();
    }

    private void afterEachWrite() {
        if (immediate) {
            flush();
        }
    }

    private void flush() {
        if (!created.isEmpty()) {
            jdbc.batchUpdate(UPSERT_TASK, created.entrySet().stream()
                    .map(entry -> entry.getValue().row(entry.getKey())).toArray(SqlParameterSource[]::new));
            jdbc.batchUpdate(INSERT_TEXT, created.entrySet().stream()
                    .map(entry -> entry.getValue().text(entry.getKey())).toArray(SqlParameterSource[]::new));
        }
        List<SqlParameterSource> completions = changed.entrySet().stream().filter(entry -> entry.getValue().completedAt != null)
                .map(entry -> entry.getValue().completion(entry.getKey())).toList();
        List<SqlParameterSource> assignments = changed.entrySet().stream().filter(entry -> entry.getValue().completedAt == null)
                .map(entry -> entry.getValue().assignment(entry.getKey())).toList();
        if (!completions.isEmpty()) {
            jdbc.batchUpdate(COMPLETE, completions.toArray(SqlParameterSource[]::new));
        }
        if (!assignments.isEmpty()) {
            jdbc.batchUpdate(ASSIGN, assignments.toArray(SqlParameterSource[]::new));
        }
        created.clear();
        changed.clear();
    }

    /** A task created in this batch, with what its later events in the batch did to it. */
    private static final class NewTask {
        private final String title;
        private final String jiraId;
        private final String description;
        private final Instant createdAt;
        private final Change state = new Change();

        private NewTask(String title, String jiraId, String description, Instant createdAt) {
            this.title = title;
            this.jiraId = jiraId;
            this.description = description == null ? "" : description;
            this.createdAt = createdAt;
        }

        private SqlParameterSource row(UUID id) {
            return new MapSqlParameterSource().addValue("id", id).addValue("title", title).addValue("jiraId", jiraId)
                    .addValue("description", description).addValue("createdAt", Timestamp.from(createdAt))
                    .addValue("status", state.completedAt == null ? "open" : "done").addValue("assignee", state.assignee)
                    .addValue("completedAt", state.completedAt == null ? null : Timestamp.from(state.completedAt));
        }

        /** What the text filter searches (V14): title, Jira id and description. */
        private SqlParameterSource text(UUID id) {
            return new MapSqlParameterSource().addValue("id", id)
                    .addValue("text", title + " " + (jiraId == null ? "" : jiraId) + " " + description);
        }
    }

    /** What this batch does to a task: the last assignment, unless it completes the task (then that is final). */
    private static final class Change {
        private UUID assignee;
        private Instant completedAt;

        private void assign(UUID to) {
            if (completedAt == null) {
                assignee = to;
            }
        }

        private void complete(UUID by, Instant at) {
            if (completedAt == null) {
                assignee = by;
                completedAt = at;
            }
        }

        private SqlParameterSource completion(UUID id) {
            return new MapSqlParameterSource().addValue("id", id).addValue("assignee", assignee)
                    .addValue("completedAt", Timestamp.from(completedAt));
        }

        private SqlParameterSource assignment(UUID id) {
            return new MapSqlParameterSource().addValue("id", id).addValue("assignee", assignee);
        }
    }
}
