package com.uberpopug.ates.accounting;

import com.uberpopug.ates.api.identity.PopugRegistered;
import com.uberpopug.ates.api.identity.Role;
import com.uberpopug.ates.api.tasks.AssignmentReason;
import com.uberpopug.ates.api.tasks.TaskAssigned;
import com.uberpopug.ates.api.tasks.TaskCompleted;
import com.uberpopug.ates.api.tasks.TaskCreated;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The accounting processor's segments divide events by the account they move money on. */
class ByAccountTest {

    private final ByAccount policy = new ByAccount();
    private final UUID task = UUID.randomUUID();
    private final UUID popug = UUID.randomUUID();

    @Test
    void assignmentsAndCompletionsGoByTheirAssignee() {
        assertThat(policy.getSequenceIdentifierFor(taskEvent(new TaskAssigned(task, popug, AssignmentReason.CREATED))))
                .isEqualTo(popug);
        assertThat(policy.getSequenceIdentifierFor(taskEvent(new TaskCompleted(task, popug)))).isEqualTo(popug);
    }

    @Test
    void aRegistrationGoesByItsPopug() {
        PopugRegistered registered = new PopugRegistered(popug, "kesha", "Kesha Parrot", "kesha@uberpopug.com", Role.WORKER);
        assertThat(policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Popug", popug.toString(), 0, registered)))
                .isEqualTo(popug);
    }

    @Test
    void anEventThatMovesNoMoneyGoesByItsAggregate() {
        assertThat(policy.getSequenceIdentifierFor(taskEvent(new TaskCreated(task, "Feed the popugs", null, ""))))
                .isEqualTo(task.toString());
    }

    private GenericDomainEventMessage<Object> taskEvent(Object payload) {
        return new GenericDomainEventMessage<>("Task", task.toString(), 0, payload);
    }
}
