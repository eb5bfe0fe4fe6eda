package com.uberpopug.ates.messaging.api;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;

import java.util.function.Supplier;

/**
 * Makes the empty aggregate that its events are applied to when it is loaded, as a plain object. Axon's default
 * for Spring makes it a prototype bean, through the bean factory's whole life cycle and every post-processor, on
 * every load: a few percent of a task's completion (docs/PERFORMANCE.md), and the snapshotter loads an account for
 * each snapshot it takes. Our aggregates have nothing to inject (their handlers take what they need as parameters).
 * A context declares one per aggregate as a bean named {@code <aggregate>AggregateFactory}, by which Axon finds it.
 *
 * <p>Not Axon's {@code GenericAggregateFactory}: it inspects the aggregate's handlers with the default parameter
 * resolvers and refuses a handler that takes a Spring bean.
 */
public final class PlainAggregates<T> implements AggregateFactory<T> {

    private final Class<T> type;
    private final Supplier<T> empty;

    public PlainAggregates(Class<T> type, Supplier<T> empty) {
        this.type = type;
        this.empty = empty;
    }

    @Override
    public T createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        // A snapshot is the aggregate itself, as it was stored.
        return type.isAssignableFrom(firstEvent.getPayloadType()) ? type.cast(firstEvent.getPayload()) : empty.get();
    }

    @Override
    public Class<T> getAggregateType() {
        return type;
    }
}
