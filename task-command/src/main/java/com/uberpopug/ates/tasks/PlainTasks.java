package com.uberpopug.ates.tasks;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.AggregateFactory;

/**
 * Makes the empty task that a task's events are applied to when it is loaded (to be completed or reassigned),
 * as a plain object. Axon's default for Spring makes it a prototype bean, through the bean factory's whole life
 * cycle and every post-processor, on every load: a few percent of a completion's time (docs/PERFORMANCE.md), for
 * an aggregate that has nothing to inject. Axon finds this factory by its bean name, {@code taskAggregateFactory}.
 */
final class PlainTasks implements AggregateFactory<Task> {

    @Override
    public Task createAggregateRoot(String aggregateIdentifier, DomainEventMessage<?> firstEvent) {
        // Tasks are not snapshotted; a snapshot, were there one, would be the task itself.
        return Task.class.isAssignableFrom(firstEvent.getPayloadType()) ? (Task) firstEvent.getPayload() : new Task();
    }

    @Override
    public Class<Task> getAggregateType() {
        return Task.class;
    }
}
