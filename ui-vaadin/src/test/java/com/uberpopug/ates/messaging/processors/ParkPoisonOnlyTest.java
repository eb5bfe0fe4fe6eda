package com.uberpopug.ates.messaging.processors;

import com.uberpopug.ates.api.CommandRefusedException;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What is parked as a dead letter (the event's fault) and what is retried (an outage). */
class ParkPoisonOnlyTest {

    private final ParkPoisonOnly policy = new ParkPoisonOnly();
    private final GenericDeadLetter<GenericEventMessage<String>> letter =
            new GenericDeadLetter<>("task-1", new GenericEventMessage<>("payload"));

    @Test
    void aHandlerBugOrARefusalIsParked() {
        assertThat(policy.decide(letter, new IllegalStateException("no such column")).shouldEnqueue()).isTrue();
        assertThat(policy.decide(letter, new CommandRefusedException("task is done")).shouldEnqueue()).isTrue();
        assertThat(policy.decide(letter, new DataIntegrityViolationException("duplicate key")).shouldEnqueue()).isTrue();
    }

    @Test
    void anOutageIsPassedOnForTheProcessorToRetry() {
        assertThatThrownBy(() -> policy.decide(letter, new CannotGetJdbcConnectionException("PostgreSQL away")))
                .isInstanceOf(ParkPoisonOnly.OutageWhileHandling.class).hasMessageContaining("PostgreSQL away");
        assertThatThrownBy(() -> policy.decide(letter, new RuntimeException(new ConnectException("ClickHouse refused"))))
                .isInstanceOf(ParkPoisonOnly.OutageWhileHandling.class);
        assertThatThrownBy(() -> policy.decide(letter, new SQLException("terminating connection", "08006")))
                .isInstanceOf(ParkPoisonOnly.OutageWhileHandling.class);
        assertThatThrownBy(() -> policy.decide(letter, new ConcurrencyException("someone else appended")))
                .isInstanceOf(ParkPoisonOnly.OutageWhileHandling.class);
        assertThatThrownBy(() -> policy.decide(letter, new DeadlockException("lock cycle with the close")))
                .isInstanceOf(ParkPoisonOnly.OutageWhileHandling.class);
    }
}
