package com.uberpopug.ates.messaging.api;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Work that waits for the end of its processor batch: one resource per batch (the root unit of work) and
 * key, made on first use. {@code beforeCommit} runs just before the batch commits, in its transaction and
 * before its token is stored, so a failure there rolls the whole batch back and it is handled again;
 * {@code afterCommit} runs once the batch is committed. Outside a unit of work there is no batch: callers
 * then do their work at once.
 *
 * <p>The read models write in JDBC batches, the analytics projector in ClickHouse inserts, the publisher
 * waits for Kafka's acknowledgements and the live pages are told of changes, each once per batch.
 */
public final class PerBatch {

    private static final Consumer<Object> NOTHING = resource -> {
    };

    private PerBatch() {
    }

    /**
     * The key of {@code owner}'s resource for one {@code target} (the database template it writes through): a batch
     * that writes through two templates keeps one resource for each.
     */
    public static String key(Class<?> owner, Object target) {
        return owner.getName() + "@" + System.identityHashCode(target);
    }

    /** The current batch's resource under this key, flushed before the batch commits. */
    public static <T> Optional<T> resource(String key, Supplier<T> create, Consumer<? super T> beforeCommit) {
        return resource(key, create, beforeCommit, NOTHING);
    }

    /** The current batch's resource under this key, told after the batch committed. */
    public static <T> Optional<T> afterCommit(String key, Supplier<T> create, Consumer<? super T> afterCommit) {
        return resource(key, create, NOTHING, afterCommit);
    }

    public static <T> Optional<T> resource(String key, Supplier<T> create, Consumer<? super T> beforeCommit,
                                           Consumer<? super T> afterCommit) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        return Optional.of(batch.getOrComputeResource(key, k -> {
            T created = create.get();
            batch.onPrepareCommit(unit -> beforeCommit.accept(created));
            batch.afterCommit(unit -> afterCommit.accept(created));
            return created;
        }));
    }

    /** The resource under this key if the current batch has made one. */
    public static <T> Optional<T> existing(String key) {
        return CurrentUnitOfWork.isStarted()
                ? Optional.ofNullable(CurrentUnitOfWork.get().root().getResource(key))
                : Optional.empty();
    }
}
