package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.axonframework.eventhandling.async.SequencingPolicy;

/**
 * How the {@code accounting} processor's segments divide the task events: by the account each one moves
 * money on, so that one account's debits and credits are handled in order, by one segment on one instance,
 * and two segments never write one account. Task events that move no money (a new task, priced) go by
 * their task; a popug's registration (which opens their account) by the popug.
 */
final class ByAccount implements SequencingPolicy<EventMessage<?>> {

    private final SequentialPerAggregatePolicy byAggregate = SequentialPerAggregatePolicy.instance();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        Class<?> type = event.getPayloadType();
        if (type == TaskAssigned.class) {
            return ((TaskAssigned) event.getPayload()).assigneeId();
        }
        if (type == TaskCompleted.class) {
            return ((TaskCompleted) event.getPayload()).assigneeId();
        }
        if (type == PopugRegistered.class) {
            return ((PopugRegistered) event.getPayload()).popugId();
        }
        return byAggregate.getSequenceIdentifierFor(event);
    }
}
