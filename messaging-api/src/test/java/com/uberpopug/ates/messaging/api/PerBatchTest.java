package com.uberpopug.ates.messaging.api;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PerBatchTest {

    private final List<String> happened = new ArrayList<>();

    @Test
    void oneResourcePerBatchFlushedBeforeTheCommitAndToldAfterIt() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        batch.onCommit(unit -> happened.add("commit"));
        for (String event : List.of("a", "b")) {
            PerBatch.resource("key", ArrayList<String>::new, rows -> happened.add("flush " + rows),
                    rows -> happened.add("told " + rows)).orElseThrow().add(event);
        }
        batch.commit();

        assertThat(happened).containsExactly("flush [a, b]", "commit", "told [a, b]");
    }

    @Test
    void aNestedUnitOfWorkSharesTheResourceOfItsBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        PerBatch.resource("key", ArrayList<String>::new, rows -> happened.add("flush " + rows)).orElseThrow().add("a");
        UnitOfWork<?> nested = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("second"));
        PerBatch.<List<String>>existing("key").orElseThrow().add("b");
        nested.commit();
        assertThat(happened).as("nothing before the batch itself commits").isEmpty();

        batch.commit();
        assertThat(happened).containsExactly("flush [a, b]");
    }

    @Test
    void aRolledBackBatchNeitherFlushesNorTells() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("first"));
        PerBatch.resource("key", ArrayList<String>::new, rows -> happened.add("flush"), rows -> happened.add("told"))
                .orElseThrow().add("a");
        batch.rollback();

        assertThat(happened).isEmpty();
    }

    @Test
    void outsideABatchThereIsNoResourceAndTheCallerWorksAtOnce() {
        assertThat(PerBatch.resource("key", ArrayList::new, rows -> happened.add("flush"))).isEmpty();
        assertThat(PerBatch.existing("key")).isEmpty();
        assertThat(happened).isEmpty();
    }
}
