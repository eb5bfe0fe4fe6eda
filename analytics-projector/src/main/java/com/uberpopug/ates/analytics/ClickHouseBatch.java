package com.uberpopug.ates.analytics;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

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
        if (!CurrentUnitOfWork.isStarted()) {
            return new ClickHouseBatch(clickHouse, insert, true);
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        return unitOfWork.root().getOrComputeResource("clickhouse:" + insert, key -> {
            ClickHouseBatch batch = new ClickHouseBatch(clickHouse, insert, false);
            unitOfWork.root().onPrepareCommit(uow -> batch.flush());
            return batch;
        });
    }

    /** Writes the rows of this statement collected so far in the current unit of work, now. */
    static void flushNow(ClickHouse clickHouse, String insert) {
        if (CurrentUnitOfWork.isStarted()) {
            ClickHouseBatch batch = CurrentUnitOfWork.get().root().getResource("clickhouse:" + insert);
            if (batch != null) {
                batch.flush();
            }
        }
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
