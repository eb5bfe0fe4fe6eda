package com.uberpopug.ates.accounting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which events accounting already acted on. An event is marked only after what it causes has succeeded,
 * in the same transaction: "marked" and "money moved" commit or roll back together. Marking first would
 * lose the money of an event whose command fails: the event is parked as a dead letter, the batch commits
 * with the mark, and the retry of the letter finds it marked and does nothing.
 */
@Component
class HandledEvents {

    private final JdbcTemplate jdbc;

    HandledEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code action} unless the event was acted on before (a redelivery or a replay), then marks it.
     * A failing action leaves no mark. Two processors acting on one event at once cannot both commit: the
     * second mark is refused by the key, and its transaction, the action's commands with it, rolls back.
     */
    void once(String eventId, Runnable action) {
        if (Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM accounting_handled_events WHERE event_id = ?)", Boolean.class, eventId))) {
            return;
        }
        action.run();
        jdbc.update("INSERT INTO accounting_handled_events (event_id) VALUES (?)", eventId);
    }
}
