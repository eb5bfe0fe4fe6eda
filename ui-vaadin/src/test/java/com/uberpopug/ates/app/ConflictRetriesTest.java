package com.uberpopug.ates.app;

import com.uberpopug.ates.api.CommandRefusedException;
import com.uberpopug.ates.api.tasks.CompleteTask;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed commands the gateway sends again: conflicts with another instance, and nothing else. */
class ConflictRetriesTest {

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
    private final ConflictRetries retries = new ConflictRetries(executor, 2, Duration.ofMillis(5));
    private final CommandMessage<?> command = GenericCommandMessage.asCommandMessage(new CompleteTask(UUID.randomUUID(), UUID.randomUUID()));

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aConflictIsSentAgainAfterThePause() throws InterruptedException {
        CountDownLatch sentAgain = new CountDownLatch(1);
        RuntimeException conflict = new CommandExecutionException("failed", new ConcurrencyException("sequence 3 is taken"));

        assertThat(retries.scheduleRetry(command, conflict, failures(1), sentAgain::countDown)).isTrue();
        assertThat(sentAgain.await(5, TimeUnit.SECONDS)).as("the command is dispatched again").isTrue();
    }

    @Test
    void aRefusalIsNotSentAgain() {
        assertThat(retries.scheduleRetry(command, new CommandRefusedException("The task is done already."), failures(1),
                () -> { throw new AssertionError("a refusal was sent again"); })).isFalse();
    }

    @Test
    void twoCreationsOfOneAggregateAreNotSentAgain() {
        assertThat(retries.scheduleRetry(command, new AggregateStreamCreationException("it exists now"), failures(1),
                () -> { throw new AssertionError("a creation was sent again"); })).isFalse();
    }

    @Test
    void conflictsBeyondTheLimitReachTheCaller() {
        assertThat(retries.scheduleRetry(command, new ConcurrencyException("again"), failures(3),
                () -> { throw new AssertionError("sent a fourth time"); })).isFalse();
    }

    @Test
    void aCommandInsideABatchIsLeftToTheBatch() {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            assertThat(retries.scheduleRetry(command, new ConcurrencyException("taken"), failures(1),
                    () -> { throw new AssertionError("sent again outside its batch's transaction"); })).isFalse();
        } finally {
            batch.rollback();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Class<? extends Throwable>[]> failures(int count) {
        List<Class<? extends Throwable>[]> failures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            failures.add(new Class[]{ConcurrencyException.class});
        }
        return failures;
    }
}
