package com.uberpopug.ates.analytics;

import com.uberpopug.ates.api.accounting.AccountCredited;
import com.uberpopug.ates.api.accounting.AccountDebited;
import com.uberpopug.ates.api.accounting.PayoutFailed;
import com.uberpopug.ates.api.accounting.PayoutIssued;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MessageIdentifier;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Writes every balance change into ClickHouse's {@code balance_changes} from the {@code ates.accounting}
 * topic, a batch per unit of work, keyed by event id (see V2__balance_changes.sql), and has the
 * {@link BalanceRollups} of the days and popugs of the batch recomputed after it.
 */
@Component
@ProcessingGroup(TaskFactsProjector.PROCESSING_GROUP)
class MoneyFactsProjector {

    static final String INSERT = """
            INSERT INTO balance_changes (event_id, popug_id, day, at, kind, amount_cents, task_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private final ClickHouse clickHouse;
    private final BalanceRollups rollups;

    MoneyFactsProjector(ClickHouse clickHouse, QueryUpdateEmitter updates) {
        this.clickHouse = clickHouse;
        this.rollups = new BalanceRollups(clickHouse, updates);
    }

    @EventHandler
    void on(AccountDebited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        write(eventId, event.popugId(), event.day(), at, "DEBIT", -event.amount().cents(), event.taskId());
    }

    @EventHandler
    void on(AccountCredited event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        write(eventId, event.popugId(), event.day(), at, "CREDIT", event.amount().cents(), event.taskId());
    }

    @EventHandler
    void on(PayoutIssued event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        write(eventId, event.popugId(), event.day(), at, "PAYOUT", -event.amount().cents(), null);
    }

    /**
     * The money of a failed payout returns to the balance in the business day it failed in (older events,
     * which do not name it: the UTC day of the event).
     */
    @EventHandler
    void on(PayoutFailed event, @MessageIdentifier String eventId, @Timestamp Instant at) {
        LocalDate day = event.day() != null ? event.day() : LocalDate.ofInstant(at, ZoneOffset.UTC);
        write(eventId, event.popugId(), day, at, "PAYOUT_RETURNED",
                event.amount().cents(), null);
    }

    @ResetHandler
    void reset() {
        clickHouse.jdbc().execute("TRUNCATE TABLE balance_changes");
        rollups.truncate();
    }

    private void write(String eventId, UUID popugId, LocalDate day, Instant at, String kind, long cents, UUID taskId) {
        ClickHouseBatch.of(clickHouse, INSERT).add(eventId, popugId.toString(), java.sql.Date.valueOf(day),
                java.sql.Timestamp.from(at), kind, cents, taskId == null ? "" : taskId.toString());
        rollups.touched(day, popugId.toString());
    }
}
