package com.uberpopug.ates.messaging.api;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlainAggregatesTest {

    /** An aggregate as the factory sees one: a class with an empty constructor. */
    static final class Kite {
        final List<String> applied = new ArrayList<>();
    }

    private final PlainAggregates<Kite> kites = new PlainAggregates<>(Kite.class, Kite::new);

    @Test
    void aNewEmptyAggregateForTheFirstEventToBeAppliedTo() {
        Kite made = kites.createAggregateRoot("kite-1", new GenericDomainEventMessage<>("Kite", "kite-1", 0, "KiteBuilt"));
        assertThat(made).isNotNull().usingRecursiveComparison().isEqualTo(new Kite());
        assertThat(kites.createAggregateRoot("kite-1", new GenericDomainEventMessage<>("Kite", "kite-1", 0, "KiteBuilt")))
                .isNotSameAs(made);
        assertThat(kites.getAggregateType()).isEqualTo(Kite.class);
    }

    @Test
    void aSnapshotIsTheAggregateItself() {
        Kite snapshot = new Kite();
        snapshot.applied.add("KiteBuilt");
        assertThat(kites.createAggregateRoot("kite-1", new GenericDomainEventMessage<>("Kite", "kite-1", 4, snapshot)))
                .isSameAs(snapshot);
    }
}
