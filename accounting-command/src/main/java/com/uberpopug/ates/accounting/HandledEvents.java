package com.uberpopug.ates.accounting;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which events accounting already acted on. An event is marked only after what it causes has succeeded,
 * in the same transaction: "marked" and "money moved" commit or roll back together. Marking first would
 * lose the money of an event whose command fails: the event is parked as a dead letter, the batch commits
 * with the mark, and the retry of the letter finds it marked and does nothing.
 */
@Component
class HandledEvents {

    private static final String MARKED_IN_BATCH = HandledEvents.class.getName() + ".batch";
    private static final String NEW_MARKS = HandledEvents.class.getName() + ".new";
    private static final String MARK = "INSERT INTO accounting_handled_events (event_id) VALUES (?)";
    /** See {@link #markedAmong}. */
    static final String MARKED_AMONG = """
            SELECT marked.event_id FROM unnest(?::varchar[]) AS asked(event_id)
            CROSS JOIN LATERAL (SELECT event_id FROM accounting_handled_events
                                WHERE event_id = asked.event_id LIMIT 1) AS marked""";

    private final JdbcTemplate jdbc;

    HandledEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Runs {@code action} unless the event was acted on before (a redelivery or a replay), then marks it.
     * A failing action leaves no mark. Two processors acting on one event at once cannot both commit: the
     * second mark is refused by the key, and its transaction, the action's commands with it, rolls back.
     * In a processor batch the marks are written together just before the batch commits, in its transaction
     * (one round trip instead of one per event: under load each took 10 ms and more, docs/PERFORMANCE.md).
     */
    void once(String eventId, Runnable action) {
        Set<String> marked = markedInThisBatch();
        if (marked != null ? marked.contains(eventId) : markedBefore(eventId)) {
            return;
        }
        action.run();
        if (marked == null) {
            jdbc.update(MARK, eventId);
            return;
        }
        marked.add(eventId);
        PerBatch.resource(NEW_MARKS, ArrayList<String>::new, this::mark).orElseThrow().add(eventId);
    }

    private void mark(List<String> eventIds) {
        jdbc.batchUpdate(MARK, eventIds.stream().map(id -> new Object[]{id}).toList());
    }

    /**
     * The marks among the events of the current processor batch, read with one query when the batch asks
     * first, and kept up to date as it marks more; null outside a batch (a retried dead letter, say).
     */
    private Set<String> markedInThisBatch() {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().root() instanceof BatchingUnitOfWork<?> batch)) {
            return null;
        }
        return batch.getOrComputeResource(MARKED_IN_BATCH,
                key -> markedAmong(batch.getMessages().stream().map(Message::getIdentifier).toArray(String[]::new)));
    }

    /**
     * The marked ones among {@code eventIds}, one look-up in the key per id. Asked as {@code event_id = ANY (?)},
     * PostgreSQL read the whole table for a batch of a hundred ids or more while it held tens of thousands of
     * marks (the statement it spent most time on in the live benchmark, docs/PERFORMANCE.md); the {@code LIMIT}
     * in the lateral query keeps it from turning the look-ups into a scan, whatever the table's size or statistics.
     */
    Set<String> markedAmong(String[] eventIds) {
        return new HashSet<>(jdbc.queryForList(MARKED_AMONG, String.class, (Object) eventIds));
    }

    private boolean markedBefore(String eventId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM accounting_handled_events WHERE event_id = ?)", Boolean.class, eventId));
    }
}
