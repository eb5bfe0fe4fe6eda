package com.uberpopug.ates.app.tasks;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the event store (the source of truth) says about tasks, read with plain SQL. */
final class TaskEvents {

    private final JdbcTemplate postgres;

    TaskEvents(JdbcTemplate postgres) {
        this.postgres = postgres;
    }

    long count(String eventType) {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ?", Long.class,
                "com.uberpopug.ates.api.tasks." + eventType);
    }

    long count(UUID taskId, String eventType) {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE aggregateidentifier = ? "
                + "AND payloadtype = ?", Long.class, taskId.toString(), "com.uberpopug.ates.api.tasks." + eventType);
    }

    long shuffleAssignments() {
        return postgres.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = "
                + "'com.uberpopug.ates.api.tasks.TaskAssigned' AND convert_from(payload, 'UTF8') LIKE '%\"SHUFFLE\"%'",
                Long.class);
    }

    /** Each task's assignee by its last TaskAssigned. */
    Map<UUID, UUID> lastAssignees() {
        Map<UUID, UUID> assignees = new java.util.HashMap<>();
        postgres.query("""
                SELECT DISTINCT ON (aggregateidentifier) aggregateidentifier,
                       convert_from(payload, 'UTF8')::json ->> 'assigneeId' AS assignee
                FROM domainevententry WHERE payloadtype = 'com.uberpopug.ates.api.tasks.TaskAssigned'
                ORDER BY aggregateidentifier, sequencenumber DESC""", rs -> {
            assignees.put(UUID.fromString(rs.getString(1)), UUID.fromString(rs.getString(2)));
        });
        return assignees;
    }

    /** Tasks that got an assignment after their completion: must always be none. */
    List<String> assignedAfterDone() {
        return postgres.queryForList("""
                SELECT a.aggregateidentifier FROM domainevententry a JOIN domainevententry c
                  ON c.aggregateidentifier = a.aggregateidentifier
                 AND c.payloadtype = 'com.uberpopug.ates.api.tasks.TaskCompleted'
                WHERE a.payloadtype = 'com.uberpopug.ates.api.tasks.TaskAssigned' AND a.sequencenumber > c.sequencenumber""",
                String.class);
    }
}
