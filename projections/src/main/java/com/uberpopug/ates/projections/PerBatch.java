package com.uberpopug.ates.projections;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Writes that wait for the end of their processor batch: one resource per batch (the root unit of work)
 * and key, made on first use and flushed just before the batch commits, in its transaction, before the
 * batch's token is stored.
 */
public final class PerBatch {

    private PerBatch() {
    }

    /** The current batch's resource under this key; empty outside a unit of work, where writes run at once. */
    public static <T> Optional<T> resource(String key, Supplier<T> create, Consumer<T> flush) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return Optional.of(root.getOrComputeResource(key, k -> {
            T created = create.get();
            root.onPrepareCommit(uow -> flush.accept(created));
            return created;
        }));
    }
}
