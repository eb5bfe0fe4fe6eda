package com.uberpopug.ates.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
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
        if (!CurrentUnitOfWork.isStarted()) {
            updates.emit(queryType, query -> true, notice.apply(1));
            return;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        AtomicInteger events = root.getOrComputeResource(BatchChanges.class.getName() + "@" + queryType.getName(), key -> {
            AtomicInteger count = new AtomicInteger();
            root.afterCommit(uow -> updates.emit(queryType, query -> true, notice.apply(count.get())));
            return count;
        });
        events.incrementAndGet();
    }
}
