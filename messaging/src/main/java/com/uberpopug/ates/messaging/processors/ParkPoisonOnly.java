package com.uberpopug.ates.messaging.processors;

import org.axonframework.common.AxonNonTransientException;
import org.axonframework.common.AxonTransientException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Which failures park an event in the dead-letter queue. An event a handler cannot process (bad data,
 * a bug, a refused command) is parked with the later events of its aggregate, and the processor goes
 * on. An outage (PostgreSQL, ClickHouse, Kafka or SMTP away, a lost race on an aggregate) is not the
 * event's fault: parking would fill the queue with healthy events, so the failure is passed on and the
 * processor retries the batch with back-off, as without a queue. (Axon's policy can only park or drop;
 * throwing is how "neither" is said.)
 */
final class ParkPoisonOnly implements EnqueuePolicy<EventMessage<?>> {

    @Override
    public EnqueueDecision<EventMessage<?>> decide(DeadLetter<? extends EventMessage<?>> letter, Throwable cause) {
        if (isOutage(cause)) {
            throw new OutageWhileHandling(letter.message(), cause);
        }
        return Decisions.enqueue(cause);
    }

    static boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AxonNonTransientException) {
                return false;
            }
            if (cause instanceof AxonTransientException
                    || cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException
                    || cause instanceof ConnectException
                    || cause instanceof SocketTimeoutException
                    || cause instanceof org.apache.kafka.common.errors.RetriableException
                    || cause instanceof org.springframework.mail.MailSendException
                    || isConnectionOrRollbackState(cause)) {
                return true;
            }
        }
        return false;
    }

    /** SQL states of class 08 (connection lost) and 40 (transaction rolled back: deadlock, serialization). */
    private static boolean isConnectionOrRollbackState(Throwable cause) {
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40");
        }
        return false;
    }

    /** Passed on to the processor, which rolls the batch back and retries it. */
    static final class OutageWhileHandling extends RuntimeException {
        OutageWhileHandling(EventMessage<?> event, Throwable cause) {
            super("Not parked, retried: handling " + event.getPayloadType().getSimpleName() + " " + event.getIdentifier()
                    + " failed on an outage: " + cause.getMessage(), cause);
        }
    }
}
