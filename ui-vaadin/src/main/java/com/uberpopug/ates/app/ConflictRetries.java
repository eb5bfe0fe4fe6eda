package com.uberpopug.ates.app;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Sends a command again when another instance changed its aggregate at the same moment. Instances share no
 * lock: the event store's sequence numbers refuse the second append (a {@link ConcurrencyException}), and
 * the command, sent again, loads the aggregate with the winner's events and decides anew (usually a clear
 * refusal, such as "already done"). Nothing else is retried: a refusal by the rules stays a refusal.
 *
 * <p>A command sent inside another unit of work (a processor's batch, whose transaction it joins) is not
 * retried here: its events are appended when that unit of work commits, and if that fails the whole batch
 * is rolled back and handled again, which loads the aggregate again too.
 */
final class ConflictRetries implements RetryScheduler {

    private static final Logger log = LoggerFactory.getLogger(ConflictRetries.class);

    private final ScheduledExecutorService retries;
    private final int maxRetries;
    private final Duration pause;

    ConflictRetries(ScheduledExecutorService retries, int maxRetries, Duration pause) {
        this.retries = retries;
        this.maxRetries = maxRetries;
        this.pause = pause;
    }

    @Override
    public boolean scheduleRetry(CommandMessage commandMessage, RuntimeException lastFailure,
                                 List<Class<? extends Throwable>[]> failures, Runnable dispatchTask) {
        if (!isConflict(lastFailure) || failures.size() > maxRetries || CurrentUnitOfWork.isStarted()) {
            return false;
        }
        // Up to twice the pause, so that two instances that collided do not collide again in step.
        long delay = pause.toMillis() + ThreadLocalRandom.current().nextLong(pause.toMillis() + 1);
        log.info("{} conflicted with a change made at the same moment elsewhere; sending it again in {} ms ({} of {})",
                commandMessage.getPayloadType().getSimpleName(), delay, failures.size(), maxRetries);
        try {
            retries.schedule(dispatchTask, delay, TimeUnit.MILLISECONDS);
            return true;
        } catch (RejectedExecutionException shuttingDown) {
            return false;
        }
    }

    /**
     * Another instance appended to the aggregate first. Not when both created it: the aggregate exists now, and
     * the creation sent again would be refused again.
     */
    static boolean isConflict(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return !(cause instanceof AggregateStreamCreationException);
            }
        }
        return false;
    }
}
