package com.uberpopug.ates.projections;

import com.uberpopug.ates.messaging.api.PerBatch;
import org.axonframework.queryhandling.QueryUpdateEmitter;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Tells the subscribers of a query once per processor batch (after its commit) that a read model
 * changed, with the number of events in the batch: one notice for a page of a shuffle or a daily close,
 * not one per event. Outside a unit of work the notice goes at once.
 */
public final class BatchChanges {

    private BatchChanges() {
    }

    public static void count(QueryUpdateEmitter updates, Class<?> queryType, IntFunction<?> notice) {
        PerBatch.afterCommit(BatchChanges.class.getName() + "@" + queryType.getName(), AtomicInteger::new,
                        events -> updates.emit(queryType, query -> true, notice.apply(events.get())))
                .ifPresentOrElse(AtomicInteger::incrementAndGet, () -> updates.emit(queryType, query -> true, notice.apply(1)));
    }
}
