package com.uberpopug.ates.analytics;

import com.uberpopug.ates.messaging.api.PerBatch;

import java.util.ArrayList;
import java.util.List;

/**
 * Rows for one INSERT statement, collected over the events of one unit of work (a processor batch)
 * and written in one round trip before the batch's token is stored. If the insert fails the batch
 * rolls back and is redelivered; rows are keyed so that a second write collapses into the first.
 */
final class ClickHouseBatch {

    private final ClickHouse clickHouse;
    private final String insert;
    private final boolean writeAtOnce;
    private final List<Object[]> rows = new ArrayList<>();

    private ClickHouseBatch(ClickHouse clickHouse, String insert, boolean writeAtOnce) {
        this.clickHouse = clickHouse;
        this.insert = insert;
        this.writeAtOnce = writeAtOnce;
    }

    /** The batch of this statement in the current unit of work; without one, rows are written at once. */
    static ClickHouseBatch of(ClickHouse clickHouse, String insert) {
        return PerBatch.resource(key(insert), () -> new ClickHouseBatch(clickHouse, insert, false), ClickHouseBatch::flush)
                .orElseGet(() -> new ClickHouseBatch(clickHouse, insert, true));
    }

    /** Writes the rows of this statement collected so far in the current unit of work, now. */
    static void flushNow(String insert) {
        PerBatch.<ClickHouseBatch>existing(key(insert)).ifPresent(ClickHouseBatch::flush);
    }

    private static String key(String insert) {
        return ClickHouseBatch.class.getName() + ":" + insert;
    }

    void add(Object... row) {
        rows.add(row);
        if (writeAtOnce) {
            flush();
        }
    }

    private void flush() {
        if (!rows.isEmpty()) {
            clickHouse.jdbc().batchUpdate(insert, rows);
            rows.clear();
        }
    }
}
