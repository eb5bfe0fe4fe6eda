package com.uberpopug.ates.accounting;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which events accounting already acted on. Marking happens in the same transaction as the commands
 * the event causes, so "marked" and "money moved" commit or roll back together.
 */
@Component
class HandledEvents {

    private final JdbcTemplate jdbc;

    HandledEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the event; false when it was marked before (a redelivery or a replay): then do nothing. */
    boolean firstTime(String eventId) {
        return jdbc.update("INSERT INTO accounting_handled_events (event_id) VALUES (?) ON CONFLICT (event_id) DO NOTHING",
                eventId) == 1;
    }
}
